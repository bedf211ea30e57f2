package org.sylva.models.infer;

import java.util.Arrays;

/** A {@link TileSink} that assembles the whole output in memory (small rasters, tests). */
public final class ArrayTileSink implements TileSink {

  private final int width;
  private final int height;
  private final float[][] bands;

  public ArrayTileSink(int width, int height, int outputBands) {
    this.width = width;
    this.height = height;
    this.bands = new float[outputBands][width * height];
    for (float[] band : bands) {
      Arrays.fill(band, Float.NaN);
    }
  }

  @Override
  public void write(int x, int y, int w, int h, float[][] values) {
    for (int b = 0; b < bands.length; b++) {
      for (int row = 0; row < h; row++) {
        System.arraycopy(values[b], row * w, bands[b], (y + row) * width + x, w);
      }
    }
  }

  /** Band {@code b}, row-major {@code width × height} (NaN where nothing was written). */
  public float[] band(int b) {
    return bands[b];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}

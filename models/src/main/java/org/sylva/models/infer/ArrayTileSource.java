package org.sylva.models.infer;

import java.util.List;

/** A {@link TileSource} over band-sequential arrays in memory. */
public final class ArrayTileSource implements TileSource {

  private final int width;
  private final int height;
  private final List<String> bands;
  private final float[][] data;

  /** {@code data[b]} holds band {@code b}, row-major {@code width × height}; arrays are not copied. */
  public ArrayTileSource(int width, int height, List<String> bands, float[][] data) {
    if (data.length != bands.size()) {
      throw new IllegalArgumentException(data.length + " band arrays for " + bands.size() + " band names");
    }
    for (float[] band : data) {
      if (band.length != (long) width * height) {
        throw new IllegalArgumentException("band array of " + band.length + " values for a " + width + "x" + height + " raster");
      }
    }
    this.width = width;
    this.height = height;
    this.bands = List.copyOf(bands);
    this.data = data;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public List<String> bandNames() {
    return bands;
  }

  @Override
  public float[][] read(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new IndexOutOfBoundsException("window " + x + "," + y + " " + w + "x" + h + " outside " + width + "x" + height);
    }
    float[][] out = new float[data.length][w * h];
    for (int b = 0; b < data.length; b++) {
      for (int row = 0; row < h; row++) {
        System.arraycopy(data[b], (y + row) * width + x, out[b], row * w, w);
      }
    }
    return out;
  }
}

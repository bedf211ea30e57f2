package org.sylva.geo.raster;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An in-memory multi-band block of pixels on a grid (often a window of a larger raster). Samples are
 * {@code float}, band-sequential, row-major: band {@code b}, pixel (col, row) is {@code bands[b][row·width + col]}.
 * {@code dataType} is the type the samples came from or will be written as; {@code nodata} the value that
 * marks missing pixels (none when empty; for FLOAT32, NaN samples are also treated as missing).
 * The arrays are shared, not copied: treat a block as immutable once built.
 */
public record RasterBlock(GridGeometry grid, DataType dataType, List<String> bandNames, OptionalDouble nodata, float[][] bands) {

  public RasterBlock {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(nodata, "nodata");
    bandNames = List.copyOf(bandNames);
    if (bands.length == 0) {
      throw new IllegalArgumentException("a raster block needs at least one band");
    }
    if (bandNames.size() != bands.length) {
      throw new IllegalArgumentException(bands.length + " bands but " + bandNames.size() + " band names");
    }
    for (float[] band : bands) {
      if (band.length != grid.pixelCount()) {
        throw new IllegalArgumentException("band has " + band.length + " samples, grid needs " + grid.pixelCount());
      }
    }
  }

  public int width() {
    return grid.width();
  }

  public int height() {
    return grid.height();
  }

  public int bandCount() {
    return bands.length;
  }

  public float[] band(int index) {
    return bands[index];
  }

  public float get(int band, int col, int row) {
    return bands[band][row * grid.width() + col];
  }

  /** Whether a sample value counts as missing under this block's nodata rule. */
  public boolean isNodata(float value) {
    return Float.isNaN(value) || (nodata.isPresent() && value == (float) nodata.getAsDouble());
  }
}

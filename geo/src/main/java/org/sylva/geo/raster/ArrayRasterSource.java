package org.sylva.geo.raster;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A raster held in memory as float bands (band-sequential, row-major), for synthetic scenes and tests.
 * Reads copy the requested window, so the source is thread-safe as long as nobody mutates the arrays.
 */
public final class ArrayRasterSource implements RasterSource {

  private final String name;
  private final GridGeometry grid;
  private final DataType dataType;
  private final List<String> bandNames;
  private final OptionalDouble nodata;
  private final float[][] bands;

  public ArrayRasterSource(String name, GridGeometry grid, DataType dataType, List<String> bandNames,
      OptionalDouble nodata, float[]... bands) {
    new RasterBlock(grid, dataType, bandNames, nodata, bands); // validates sizes and names
    this.name = name;
    this.grid = grid;
    this.dataType = dataType;
    this.bandNames = List.copyOf(bandNames);
    this.nodata = nodata;
    this.bands = bands;
  }

  /** A one-band source. */
  public static ArrayRasterSource of(String name, GridGeometry grid, DataType dataType, OptionalDouble nodata,
      float[] band) {
    return new ArrayRasterSource(name, grid, dataType, List.of(name), nodata, band);
  }

  @Override
  public GridGeometry grid() {
    return grid;
  }

  @Override
  public DataType dataType() {
    return dataType;
  }

  @Override
  public int bandCount() {
    return bands.length;
  }

  @Override
  public List<String> bandNames() {
    return bandNames;
  }

  @Override
  public OptionalDouble nodata() {
    return nodata;
  }

  @Override
  public float[] read(PixelWindow window, int band) throws IOException {
    if (!window.fitsIn(grid.width(), grid.height())) {
      throw new IOException(name + ": " + window + " is outside the " + grid.width() + "x" + grid.height() + " raster");
    }
    if (band < 0 || band >= bands.length) {
      throw new IOException(name + ": no band " + band + " (has " + bands.length + ")");
    }
    float[] out = new float[window.width() * window.height()];
    for (int r = 0; r < window.height(); r++) {
      System.arraycopy(bands[band], (window.row() + r) * grid.width() + window.col(), out, r * window.width(), window.width());
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}

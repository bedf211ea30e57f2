package org.sylva.geo.raster;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Something that pixels can be read from by window: a GeoTIFF on disk, a block in memory, a virtual
 * mosaic. Reads return raw samples as {@code float}, band-sequential and row-major like {@link RasterBlock};
 * nodata samples keep their nodata value (callers decide how to mask). Implementations document whether
 * they are thread-safe.
 */
public interface RasterSource {

  GridGeometry grid();

  DataType dataType();

  int bandCount();

  /** One name per band (e.g. "B04", "VV"); generated ("band1"...) when the source has none. */
  List<String> bandNames();

  OptionalDouble nodata();

  /**
   * Reads one band (0-based) over a window of this source's grid.
   *
   * @throws IOException naming the source and the problem when the window is outside the raster, the band
   *     does not exist or the data cannot be decoded
   */
  float[] read(PixelWindow window, int band) throws IOException;

  /** Reads all bands over a window as a block on the window's sub-grid. */
  default RasterBlock read(PixelWindow window) throws IOException {
    float[][] bands = new float[bandCount()][];
    for (int b = 0; b < bands.length; b++) {
      bands[b] = read(window, b);
    }
    return new RasterBlock(grid().window(window), dataType(), bandNames(), nodata(), bands);
  }
}

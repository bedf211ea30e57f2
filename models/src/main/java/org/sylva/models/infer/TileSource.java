package org.sylva.models.infer;

import java.util.List;

/**
 * A multi-band raster read window by window, without any notion of georeferencing: the tiled predictor
 * only needs sizes, band names (to check them against a model) and pixel values. Implementations adapt
 * GeoTIFF readers, in-memory arrays, etc.
 */
public interface TileSource {

  int width();

  int height();

  /** Band names in the order {@link #read} returns them, e.g. {@code ["S2_B02", ..., "S1_VH"]}. */
  List<String> bandNames();

  default int channels() {
    return bandNames().size();
  }

  /**
   * Pixel values of the window {@code [x, x+w) × [y, y+h)}, which lies inside the raster: one array per band,
   * row-major {@code w×h}. NaN marks missing data (convert nodata values to NaN).
   */
  float[][] read(int x, int y, int w, int h);
}

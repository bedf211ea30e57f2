package org.sylva.models.infer;

/**
 * Receives predicted windows from the tiled predictor: full-width strips, top to bottom, each written
 * exactly once. NaN marks pixels without a prediction (nodata in any input band).
 */
@FunctionalInterface
public interface TileSink {

  /** Window {@code [x, x+w) × [y, y+h)}: one array per output band, row-major {@code w×h}. */
  void write(int x, int y, int w, int h, float[][] bands);
}

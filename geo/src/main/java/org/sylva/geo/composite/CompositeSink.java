package org.sylva.geo.composite;

import java.io.IOException;
import org.sylva.geo.raster.RasterBlock;

/**
 * Receives a composite tile by tile, e.g. a COG writer that writes each tile into a temporary file and
 * moves it into place on {@link #commit()}. The compositor calls {@link #begin} once, then {@link #write}
 * once per tile (in any order, never concurrently), then either {@link #commit} after the last tile or
 * {@link #abort} on failure — so a failed run never leaves output that looks complete.
 */
public interface CompositeSink {

  void begin(CompositeLayout layout) throws IOException;

  /** One tile: a block on a window of the layout's grid with all layout bands, NaN for nodata. */
  void write(RasterBlock tile) throws IOException;

  void commit(CompositeReport report) throws IOException;

  /** Discards everything written; must not throw. */
  void abort();
}

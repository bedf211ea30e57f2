package org.sylva.geo.composite;

import java.util.Arrays;
import org.sylva.geo.raster.RasterBlock;

/**
 * Collects a composite into full-grid float arrays, for small grids (tests, demo previews). Bands are
 * available only after a successful {@link #commit}; an aborted run leaves nothing.
 */
public final class InMemoryCompositeSink implements CompositeSink {

  private CompositeLayout layout;
  private float[][] bands;
  private CompositeReport report;

  @Override
  public void begin(CompositeLayout newLayout) {
    this.layout = newLayout;
    this.report = null;
    long pixels = newLayout.grid().pixelCount();
    if (pixels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("grid too large for memory: " + newLayout.grid());
    }
    bands = new float[newLayout.bandNames().size()][(int) pixels];
    for (float[] band : bands) {
      Arrays.fill(band, Float.NaN);
    }
  }

  @Override
  public void write(RasterBlock tile) {
    int width = layout.grid().width();
    var t = tile.grid().transform();
    int col0 = (int) Math.round(layout.grid().transform().col(t.originX(), t.originY()));
    int row0 = (int) Math.round(layout.grid().transform().row(t.originX(), t.originY()));
    for (int b = 0; b < bands.length; b++) {
      for (int r = 0; r < tile.height(); r++) {
        System.arraycopy(tile.band(b), r * tile.width(), bands[b], (row0 + r) * width + col0, tile.width());
      }
    }
  }

  @Override
  public void commit(CompositeReport finished) {
    this.report = finished;
  }

  @Override
  public void abort() {
    bands = null;
  }

  public CompositeLayout layout() {
    return layout;
  }

  public CompositeReport report() {
    if (report == null) {
      throw new IllegalStateException("composite not committed");
    }
    return report;
  }

  public float[] band(String name) {
    report();
    return bands[layout.bandIndex(name)];
  }
}

package org.sylva.pipelines.canopy.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.models.infer.TileSource;
import org.sylva.pipelines.canopy.dataset.FeatureStack;

/**
 * The geo → models adapter of the map stage: a region of the {@link FeatureStack} (composite COGs and the
 * indices computed from them) as the {@link TileSource} the tiled predictor reads, with the model's bands in
 * the model's order. Window coordinates are relative to the region. Missing values are NaN. Read failures
 * surface as {@link UncheckedIOException} naming the file.
 */
public final class StackTileSource implements TileSource {

  private final FeatureStack stack;
  private final List<String> bands;
  private final PixelWindow region;

  public StackTileSource(FeatureStack stack, List<String> bands, PixelWindow region) {
    if (!region.fitsIn(stack.grid().width(), stack.grid().height())) {
      throw new IllegalArgumentException(region + " is outside the " + stack.grid().width() + "x" + stack.grid().height()
          + " stack");
    }
    List<String> missing = stack.missing(bands);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the model needs bands " + missing + " that the stack lacks (has "
          + stack.available() + ")");
    }
    this.stack = stack;
    this.bands = List.copyOf(bands);
    this.region = region;
  }

  @Override
  public int width() {
    return region.width();
  }

  @Override
  public int height() {
    return region.height();
  }

  @Override
  public List<String> bandNames() {
    return bands;
  }

  @Override
  public float[][] read(int x, int y, int w, int h) {
    try {
      return stack.read(new PixelWindow(region.col() + x, region.row() + y, w, h), bands);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

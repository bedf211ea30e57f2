package org.sylva.pipelines.canopy.predict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A full-width band of map rows predicted as one unit of parallel work: rows {@code [row, row + rows)} are
 * kept, and the tiled predictor reads {@code context} extra rows above and below (clipped at the map's
 * edges) so the kept rows see the same neighbourhood as in a whole-map prediction and no seam shows. The plan
 * depends only on the map height and the settings, never on the runner or its parallelism, so every runner
 * predicts the same strips and writes the same bytes.
 */
public record MapStrip(int index, int row, int rows, int regionRow, int regionRows) implements Serializable {

  /** Strips of {@code stripRows} rows (the last one shorter) with {@code context} rows of context. */
  public static List<MapStrip> plan(int height, int stripRows, int context) {
    if (stripRows < 1 || context < 0) {
      throw new IllegalArgumentException("strip rows must be >= 1 and context >= 0, got " + stripRows + ", " + context);
    }
    List<MapStrip> strips = new ArrayList<>();
    for (int row = 0, i = 0; row < height; row += stripRows, i++) {
      int rows = Math.min(stripRows, height - row);
      int top = Math.max(0, row - context);
      int bottom = Math.min(height, row + rows + context);
      strips.add(new MapStrip(i, row, rows, top, bottom - top));
    }
    return strips;
  }

  /** Offset of the first kept row inside the predicted region. */
  public int offsetInRegion() {
    return row - regionRow;
  }
}

package org.sylva.pipelines.canopy.predict;

import java.io.Serializable;

/**
 * How the map is predicted and stored: format, Monte-Carlo-dropout passes for the uncertainty band (0 = no
 * band; needs a model with dropout), tiled-inference tile size and overlap, rows per parallel strip and the
 * context rows read around each strip, PyTorch threads per worker, the seed of the dropout masks, and the
 * STAC item id.
 */
public record MapSettings(MapFormat format, int uncertaintyPasses, int tileSize, int tileOverlap, int stripRows,
    int contextRows, int torchThreads, long seed, String itemId) implements Serializable {

  public MapSettings {
    if (uncertaintyPasses < 0) {
      throw new IllegalArgumentException("uncertainty passes must be >= 0, got " + uncertaintyPasses);
    }
    if (stripRows < 16 || contextRows < 0) {
      throw new IllegalArgumentException("strip rows must be >= 16 and context rows >= 0, got " + stripRows + ", "
          + contextRows);
    }
    if (tileSize < 16 || tileOverlap < 0 || 2 * tileOverlap > tileSize) {
      throw new IllegalArgumentException("tile size must be >= 16 and overlap in [0, tile/2], got " + tileSize + ", "
          + tileOverlap);
    }
  }

  /** The tiled predictor for these settings (zero-weight margin a quarter of the overlap). */
  public org.sylva.models.infer.TiledPredictor predictor(String label) {
    return org.sylva.models.infer.TiledPredictor.builder().tileSize(tileSize).overlap(tileOverlap).batchSize(4)
        .progressLabel(label).build();
  }
}

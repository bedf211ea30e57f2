package org.sylva.geo.ingest;

import java.util.Objects;

/**
 * A dead-letter row: one input item or file that was left out (or only partly usable) and why, e.g.
 * {@code S2B_MSIL2A_20230612… [SENTINEL2]: item has no asset for band B05}. The run continues without it.
 *
 * @param item the STAC item id, acquisition id or file name
 * @param stage where it failed
 * @param message one line naming the file and the problem
 */
public record IngestProblem(String item, Stage stage, String message) {

  /** Where an input failed. */
  public enum Stage {
    /** Reading the STAC catalog (an unusable item or link). */
    STAC,
    SENTINEL2,
    SENTINEL1,
    GEDI,
    /** The reference canopy-height raster. */
    TRUTH
  }

  public IngestProblem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return item + " [" + stage + "]: " + message;
  }
}

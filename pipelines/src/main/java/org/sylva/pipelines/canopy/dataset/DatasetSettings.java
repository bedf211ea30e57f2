package org.sylva.pipelines.canopy.dataset;

import java.io.Serializable;

/**
 * How the dataset stage cuts and splits: patch size and block size, the split and its buffer, the least
 * number of target pixels a patch must keep, and which GEDI metric is the target ({@code rh95} or {@code rh98}).
 */
public record DatasetSettings(int patchSize, int blockPatches, SpatialSplit split, int minTargetPixels, String targetMetric)
    implements Serializable {

  public DatasetSettings {
    if (patchSize < 8 || blockPatches < 1) {
      throw new IllegalArgumentException("patch size must be at least 8 pixels and blocks at least 1 patch wide, got "
          + patchSize + " and " + blockPatches);
    }
    if (minTargetPixels < 1) {
      throw new IllegalArgumentException("a patch needs at least 1 target pixel, got " + minTargetPixels);
    }
    if (!targetMetric.equals("rh95") && !targetMetric.equals("rh98")) {
      throw new IllegalArgumentException("target metric must be rh95 or rh98, got " + targetMetric);
    }
  }
}

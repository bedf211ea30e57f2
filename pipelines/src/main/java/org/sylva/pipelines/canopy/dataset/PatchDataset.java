package org.sylva.pipelines.canopy.dataset;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sylva.pipelines.canopy.ingest.IngestedStack;

/**
 * The dataset stage's result as the training stage sees it: where the patch table ({@link PatchTable}) and the
 * footprint table ({@link FootprintSplitTable}) are, which bands and target they hold, and how many patches,
 * blocks and target pixels each split has. The ingested stack travels along for prediction and reporting.
 */
public record PatchDataset(String patchTable, String footprintTable, List<String> bands, String targetMetric,
    int patchSize, Map<String, SplitCounts> splits, IngestedStack stack) implements Serializable {

  public PatchDataset {
    bands = List.copyOf(bands);
    splits = Map.copyOf(splits);
  }

  /** Patches, blocks and target pixels of one split. */
  public record SplitCounts(int patches, int blocks, long targetPixels) implements Serializable {}

  public Path patchTablePath() {
    return Path.of(patchTable);
  }

  public SplitCounts counts(Split split) {
    return splits.getOrDefault(split.label(), new SplitCounts(0, 0, 0));
  }
}

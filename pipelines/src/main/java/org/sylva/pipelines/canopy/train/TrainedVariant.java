package org.sylva.pipelines.canopy.train;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.sylva.pipelines.canopy.dataset.PatchDataset;

/**
 * A variant after training: its model directory and metrics file (both in the run's staging folder) and the
 * numbers the selection needs. The full metrics (per height class, counts) are in {@code metricsFile}.
 *
 * @param validationMae MAE (m) on the validation pixels with the kept epoch's weights
 * @param testMae MAE (m) on the held-out test pixels
 * @param dataset the dataset it was trained on (and, through it, the ingested stack)
 */
public record TrainedVariant(Variant variant, String modelDir, String metricsFile, double validationMae, double testMae,
    int bestEpoch, int epochsRun, PatchDataset dataset) implements Serializable {

  public String name() {
    return variant.name();
  }

  public List<String> bands() {
    return variant.bands();
  }

  public Path modelPath() {
    return Path.of(modelDir);
  }
}

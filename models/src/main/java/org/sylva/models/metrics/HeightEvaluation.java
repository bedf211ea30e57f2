package org.sylva.models.metrics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Predicted and reference heights of every valid target pixel of an evaluation set, with their
 * {@link HeightAccuracy}.
 */
public record HeightEvaluation(float[] predictedMetres, float[] referenceMetres, HeightAccuracy accuracy) {

  public static HeightEvaluation of(float[] predictedMetres, float[] referenceMetres) {
    return new HeightEvaluation(predictedMetres, referenceMetres, HeightAccuracy.of(predictedMetres, referenceMetres));
  }

  /** Writes the scatter and error-histogram PNGs ({@link AccuracyPlots}). */
  public void writePlots(Path dir, String prefix, String title) throws IOException {
    AccuracyPlots.write(dir, prefix, title, predictedMetres, referenceMetres);
  }
}

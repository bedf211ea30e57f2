package org.sylva.models.metrics;

import java.io.IOException;
import java.nio.file.Path;
import org.sylva.models.plot.Charts;

/**
 * The two standard pictures of a height model's accuracy: predicted against reference height with the
 * 1:1 line, and the histogram of errors (predicted − reference). Pairs with a non-finite value are left
 * out; scatter plots of more than {@link #MAX_SCATTER_POINTS} pairs show an evenly strided subset so the
 * PNG stays quick to draw (the histogram always uses every pair).
 */
public final class AccuracyPlots {

  public static final int MAX_SCATTER_POINTS = 50_000;
  private static final int HISTOGRAM_BINS = 60;

  private AccuracyPlots() {}

  /** Writes {@code <prefix>-scatter.png} and {@code <prefix>-errors.png} into {@code dir}. */
  public static void write(Path dir, String prefix, String title, float[] predictedMetres, float[] referenceMetres)
      throws IOException {
    int n = 0;
    for (int i = 0; i < predictedMetres.length; i++) {
      if (Float.isFinite(predictedMetres[i]) && Float.isFinite(referenceMetres[i])) {
        n++;
      }
    }
    double[] p = new double[n];
    double[] r = new double[n];
    double[] errors = new double[n];
    int k = 0;
    for (int i = 0; i < predictedMetres.length; i++) {
      if (Float.isFinite(predictedMetres[i]) && Float.isFinite(referenceMetres[i])) {
        p[k] = predictedMetres[i];
        r[k] = referenceMetres[i];
        errors[k] = p[k] - r[k];
        k++;
      }
    }
    int stride = Math.max(1, (n + MAX_SCATTER_POINTS - 1) / MAX_SCATTER_POINTS);
    int shown = (n + stride - 1) / stride;
    double[] ps = new double[shown];
    double[] rs = new double[shown];
    for (int i = 0, j = 0; i < n; i += stride, j++) {
      ps[j] = p[i];
      rs[j] = r[i];
    }
    Charts.scatter(dir.resolve(prefix + "-scatter.png"), title + " (" + n + " pairs)", "reference height (m)",
        "predicted height (m)", rs, ps, true);
    Charts.histogram(dir.resolve(prefix + "-errors.png"), title + ": error distribution", "predicted − reference (m)",
        errors, HISTOGRAM_BINS);
  }
}

package org.sylva.models.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of canopy-height predictions: overall {@link RegressionMetrics} and the metrics per height class
 * of the <em>reference</em> height (the class a stand really belongs to): below 5 m, 5–10, 10–20, 20–30 and
 * 30 m and above. Classes are half-open, {@code [lower, upper)}; negative reference heights fall in the first
 * class. Pairs with a non-finite value are skipped.
 */
public record HeightAccuracy(RegressionMetrics overall, List<ClassMetrics> classes) {

  /** Class boundaries in metres. */
  public static final double[] BOUNDS_METRES = {5, 10, 20, 30};

  /**
   * Metrics of one reference-height class.
   *
   * @param label e.g. {@code "10-20 m"}
   * @param lowerMetres inclusive lower bound (−∞ for the first class)
   * @param upperMetres exclusive upper bound (+∞ for the last class)
   * @param metrics metrics of the pairs in the class (NaN values when empty)
   */
  public record ClassMetrics(String label, double lowerMetres, double upperMetres, RegressionMetrics metrics) {}

  public HeightAccuracy {
    classes = List.copyOf(classes);
  }

  public static HeightAccuracy of(float[] predictedMetres, float[] referenceMetres) {
    if (predictedMetres.length != referenceMetres.length) {
      throw new IllegalArgumentException(predictedMetres.length + " predictions for " + referenceMetres.length
          + " reference heights");
    }
    RegressionMetrics.Accumulator all = new RegressionMetrics.Accumulator();
    RegressionMetrics.Accumulator[] perClass = new RegressionMetrics.Accumulator[BOUNDS_METRES.length + 1];
    for (int c = 0; c < perClass.length; c++) {
      perClass[c] = new RegressionMetrics.Accumulator();
    }
    for (int i = 0; i < predictedMetres.length; i++) {
      float p = predictedMetres[i];
      float r = referenceMetres[i];
      all.add(p, r);
      if (Float.isFinite(p) && Float.isFinite(r)) {
        perClass[classOf(r)].add(p, r);
      }
    }
    List<ClassMetrics> classes = new ArrayList<>();
    for (int c = 0; c < perClass.length; c++) {
      double lower = c == 0 ? Double.NEGATIVE_INFINITY : BOUNDS_METRES[c - 1];
      double upper = c == BOUNDS_METRES.length ? Double.POSITIVE_INFINITY : BOUNDS_METRES[c];
      classes.add(new ClassMetrics(label(c), lower, upper, perClass[c].result()));
    }
    return new HeightAccuracy(all.result(), classes);
  }

  /** Index of the class holding reference height {@code metres}. */
  public static int classOf(double metres) {
    int c = 0;
    while (c < BOUNDS_METRES.length && metres >= BOUNDS_METRES[c]) {
      c++;
    }
    return c;
  }

  private static String label(int c) {
    if (c == 0) {
      return String.format(Locale.ROOT, "0-%.0f m", BOUNDS_METRES[0]);
    }
    if (c == BOUNDS_METRES.length) {
      return String.format(Locale.ROOT, ">%.0f m", BOUNDS_METRES[c - 1]);
    }
    return String.format(Locale.ROOT, "%.0f-%.0f m", BOUNDS_METRES[c - 1], BOUNDS_METRES[c]);
  }

  /** A Markdown table: one row overall and one per class (count, MAE, RMSE, bias, R²). */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("| reference height | count | MAE (m) | RMSE (m) | bias (m) | R² |\n|---|---|---|---|---|---|\n");
    row(md, "all", overall);
    for (ClassMetrics c : classes) {
      row(md, c.label(), c.metrics());
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, RegressionMetrics m) {
    md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %+.3f | %.3f |%n", label, m.count(), m.mae(), m.rmse(),
        m.bias(), m.r2()));
  }
}

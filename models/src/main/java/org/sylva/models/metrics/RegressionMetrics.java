package org.sylva.models.metrics;

/**
 * Agreement of predictions with reference values over the pairs where both are finite.
 *
 * @param count number of pairs used
 * @param mae mean absolute error, mean |p − r|
 * @param rmse root mean squared error, √mean (p − r)²
 * @param bias mean error, mean (p − r): positive when predictions are too high
 * @param r2 coefficient of determination, 1 − Σ(p − r)² / Σ(r − r̄)²; NaN when the reference is constant
 * All values are NaN when {@code count} is 0.
 */
public record RegressionMetrics(long count, double mae, double rmse, double bias, double r2) {

  public static RegressionMetrics of(float[] predicted, float[] reference) {
    if (predicted.length != reference.length) {
      throw new IllegalArgumentException(predicted.length + " predictions for " + reference.length + " reference values");
    }
    Accumulator a = new Accumulator();
    for (int i = 0; i < predicted.length; i++) {
      a.add(predicted[i], reference[i]);
    }
    return a.result();
  }

  /**
   * Streaming computation in double precision; the reference variance uses Welford's update so large
   * reference values do not cancel. Not thread-safe.
   */
  public static final class Accumulator {
    private long n;
    private double sumError;
    private double sumAbsError;
    private double sumSquaredError;
    private double referenceMean;
    private double referenceM2;

    /** Adds one pair; pairs with a non-finite value are skipped. */
    public void add(double predicted, double reference) {
      if (!Double.isFinite(predicted) || !Double.isFinite(reference)) {
        return;
      }
      double e = predicted - reference;
      n++;
      sumError += e;
      sumAbsError += Math.abs(e);
      sumSquaredError += e * e;
      double delta = reference - referenceMean;
      referenceMean += delta / n;
      referenceM2 += delta * (reference - referenceMean);
    }

    public long count() {
      return n;
    }

    public RegressionMetrics result() {
      if (n == 0) {
        return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double r2 = referenceM2 > 0 ? 1 - sumSquaredError / referenceM2 : Double.NaN;
      return new RegressionMetrics(n, sumAbsError / n, Math.sqrt(sumSquaredError / n), sumError / n, r2);
    }
  }
}

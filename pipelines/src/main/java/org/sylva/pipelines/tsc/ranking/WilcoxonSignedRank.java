package org.sylva.pipelines.tsc.ranking;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided Wilcoxon signed-rank test of paired accuracies, as the critical-difference code of Ismail
 * Fawaz et al. runs it ({@code scipy.stats.wilcoxon(x, y, zero_method='pratt')}): zero differences take part
 * in the ranking of |d| and are then dropped (Pratt), ties get average ranks, and the p-value comes from the
 * normal approximation with tie correction and no continuity correction. With every difference zero the two
 * samples are identical and the p-value is 1.
 */
public final class WilcoxonSignedRank {

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private WilcoxonSignedRank() {}

  /** The test statistic {@code T = min(R+, R-)} and its two-sided p-value. */
  public record Result(double statistic, double pValue) {}

  public static Result test(double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("paired samples of equal, non-zero length needed: " + x.length + ", " + y.length);
    }
    int n = x.length;
    double[] d = new double[n];
    double[] abs = new double[n];
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      d[i] = x[i] - y[i];
      abs[i] = Math.abs(d[i]);
      zeros += d[i] == 0 ? 1 : 0;
    }
    if (zeros == n) {
      return new Result(0, 1);
    }
    double[] ranks = Ranks.ascending(abs);
    double plus = 0;
    double minus = 0;
    double[] nonZeroRanks = new double[n - zeros];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        plus += ranks[i];
      } else if (d[i] < 0) {
        minus += ranks[i];
      }
      if (d[i] != 0) {
        nonZeroRanks[k++] = ranks[i];
      }
    }
    double t = Math.min(plus, minus);
    double mean = n * (n + 1) * 0.25 - zeros * (zeros + 1) * 0.25;
    double variance = n * (n + 1.0) * (2 * n + 1) - zeros * (zeros + 1.0) * (2 * zeros + 1);
    variance -= 0.5 * Ranks.tieTerm(nonZeroRanks);
    double se = Math.sqrt(variance / 24);
    double z = (t - mean) / se;
    return new Result(t, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
  }
}

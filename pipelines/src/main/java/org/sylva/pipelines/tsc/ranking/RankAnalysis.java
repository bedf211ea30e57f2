package org.sylva.pipelines.tsc.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * The critical-difference analysis of several classifiers over several datasets (Demšar 2006; as used by
 * Fawaz et al. 2019 and Ismail Fawaz et al. 2020): per dataset the classifiers are ranked by accuracy (1 =
 * best, ties averaged) and the ranks averaged; the Friedman test (with scipy's tie correction, and the
 * Iman–Davenport F form) asks whether the classifiers differ at all; pairwise Wilcoxon signed-rank tests
 * with Holm's correction decide which pairs differ (the paper's choice); the Nemenyi critical difference is
 * given beside it. Classifiers joined by no significant difference form the cliques drawn as bars.
 *
 * @param datasets row labels of {@code accuracy}
 * @param models column labels of {@code accuracy}
 * @param accuracy mean accuracy per dataset (row) and model (column)
 * @param averageRanks mean rank per model (1 = best)
 * @param friedman the Friedman test, null with fewer than 3 models
 * @param pairwise every pair of models with Wilcoxon p-value and Holm decision, sorted by p-value
 * @param nemenyiCriticalDifference Nemenyi CD at {@code alpha}, NaN beyond the tabulated 10 models
 * @param cliques groups (model indices, best first) with no significant difference inside, maximal, of size ≥ 2
 * @param alpha the significance level
 */
public record RankAnalysis(List<String> datasets, List<String> models, double[][] accuracy, double[] averageRanks,
    Friedman friedman, List<Pair> pairwise, double nemenyiCriticalDifference, List<List<Integer>> cliques,
    double alpha) {

  /** Studentized-range quantiles / √2 for α = 0.05, k = 2..10 (Demšar 2006, table 5a). */
  private static final double[] NEMENYI_Q_005 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};

  /** Friedman's chi-square (tie-corrected) and Iman–Davenport's F with their p-values. */
  public record Friedman(double chiSquare, int degreesOfFreedom, double pValue, double imanDavenportF,
      double imanDavenportPValue) {}

  /** One pairwise comparison; {@code holmThreshold} is the level its p-value was compared with. */
  public record Pair(String modelA, String modelB, double pValue, double holmThreshold, boolean significant) {}

  /**
   * Analyses {@code accuracy[dataset][model]}; needs at least 2 models and 1 dataset (the Friedman test
   * needs 3 models; the benchmark reports a ranking from 3 datasets on).
   */
  public static RankAnalysis of(List<String> datasets, List<String> models, double[][] accuracy, double alpha) {
    int n = datasets.size();
    int k = models.size();
    if (k < 2 || n < 1 || accuracy.length != n || Arrays.stream(accuracy).anyMatch(r -> r.length != k)) {
      throw new IllegalArgumentException("need a " + n + " x " + k + " accuracy table with at least 2 models");
    }
    double[][] ranks = new double[n][];
    double[] averageRanks = new double[k];
    for (int i = 0; i < n; i++) {
      ranks[i] = Ranks.descending(accuracy[i]);
      for (int j = 0; j < k; j++) {
        averageRanks[j] += ranks[i][j] / n;
      }
    }
    Friedman friedman = k >= 3 ? friedman(ranks) : null;
    List<Pair> pairs = holm(models, accuracy, alpha);
    double cd = k - 2 < NEMENYI_Q_005.length && alpha == 0.05
        ? NEMENYI_Q_005[k - 2] * Math.sqrt(k * (k + 1) / (6.0 * n)) : Double.NaN;
    return new RankAnalysis(List.copyOf(datasets), List.copyOf(models), accuracy, averageRanks, friedman,
        pairs, cd, cliques(models, averageRanks, pairs), alpha);
  }

  /** Model indices from best (lowest average rank) to worst; ties keep input order. */
  public int[] order() {
    return IntStream.range(0, models.size()).boxed()
        .sorted(Comparator.comparingDouble(i -> averageRanks[i])).mapToInt(Integer::intValue).toArray();
  }

  /** Whether the Wilcoxon–Holm procedure found models {@code a} and {@code b} different. */
  public boolean significantlyDifferent(int a, int b) {
    String ma = models.get(a);
    String mb = models.get(b);
    return pairwise.stream().anyMatch(p -> p.significant()
        && (p.modelA().equals(ma) && p.modelB().equals(mb) || p.modelA().equals(mb) && p.modelB().equals(ma)));
  }

  /** scipy.stats.friedmanchisquare on per-dataset ranks, plus the Iman–Davenport F statistic. */
  static Friedman friedman(double[][] ranks) {
    int n = ranks.length;
    int k = ranks[0].length;
    double ties = 0;
    double[] rankSums = new double[k];
    for (double[] row : ranks) {
      ties += Ranks.tieTerm(row);
      for (int j = 0; j < k; j++) {
        rankSums[j] += row[j];
      }
    }
    double c = 1 - ties / (k * (k * k - 1.0) * n);
    double ssbn = Arrays.stream(rankSums).map(s -> s * s).sum();
    double chi2 = (12.0 / (k * n * (k + 1.0)) * ssbn - 3.0 * n * (k + 1)) / c;
    double p = chi2 <= 0 ? 1 : 1 - new ChiSquaredDistribution(null, k - 1).cumulativeProbability(chi2);
    double f = Double.NaN;
    double fp = Double.NaN;
    double denominator = n * (k - 1.0) - chi2;
    if (n > 1 && denominator > 0) {
      f = (n - 1) * chi2 / denominator;
      fp = 1 - new FDistribution(null, k - 1, (k - 1.0) * (n - 1)).cumulativeProbability(f);
    }
    return new Friedman(chi2, k - 1, p, f, fp);
  }

  /** Pairwise Wilcoxon p-values, sorted ascending, with Holm's step-down decisions at {@code alpha}. */
  static List<Pair> holm(List<String> models, double[][] accuracy, double alpha) {
    int k = models.size();
    List<double[]> tests = new ArrayList<>(); // {a, b, p}
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double[] x = column(accuracy, a);
        double[] y = column(accuracy, b);
        tests.add(new double[] {a, b, WilcoxonSignedRank.test(x, y).pValue()});
      }
    }
    tests.sort(Comparator.comparingDouble(t -> t[2]));
    int m = tests.size();
    List<Pair> pairs = new ArrayList<>();
    boolean rejecting = true;
    for (int i = 0; i < m; i++) {
      double[] t = tests.get(i);
      double threshold = alpha / (m - i);
      rejecting = rejecting && t[2] <= threshold;
      pairs.add(new Pair(models.get((int) t[0]), models.get((int) t[1]), t[2], threshold, rejecting));
    }
    return pairs;
  }

  /** Maximal runs of rank-ordered models with no significant difference between any two of them. */
  static List<List<Integer>> cliques(List<String> models, double[] averageRanks, List<Pair> pairs) {
    int k = models.size();
    int[] order = IntStream.range(0, k).boxed()
        .sorted(Comparator.comparingDouble(i -> averageRanks[i])).mapToInt(Integer::intValue).toArray();
    boolean[][] different = new boolean[k][k];
    for (Pair p : pairs) {
      int a = models.indexOf(p.modelA());
      int b = models.indexOf(p.modelB());
      different[a][b] = p.significant();
      different[b][a] = p.significant();
    }
    List<List<Integer>> cliques = new ArrayList<>();
    int lastEnd = -1;
    for (int start = 0; start < k; start++) {
      int end = start;
      while (end + 1 < k && joinable(order, different, start, end + 1)) {
        end++;
      }
      if (end > start && end > lastEnd) {
        List<Integer> clique = new ArrayList<>();
        for (int i = start; i <= end; i++) {
          clique.add(order[i]);
        }
        cliques.add(clique);
        lastEnd = end;
      }
    }
    return cliques;
  }

  private static boolean joinable(int[] order, boolean[][] different, int start, int candidate) {
    for (int i = start; i < candidate; i++) {
      if (different[order[i]][order[candidate]]) {
        return false;
      }
    }
    return true;
  }

  private static double[] column(double[][] table, int j) {
    return Arrays.stream(table).mapToDouble(r -> r[j]).toArray();
  }
}

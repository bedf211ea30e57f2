package org.sylva.pipelines.tsc.ranking;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranking with ties averaged (scipy's {@code rankdata(method='average')}), 1 for the smallest value. */
final class Ranks {

  private Ranks() {}

  /** Average ranks of {@code values}, ascending: the smallest value gets rank 1. */
  static double[] ascending(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // mean of ranks i+1 .. j+1
      for (int t = i; t <= j; t++) {
        ranks[order[t]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** Ranks where the largest value (the best accuracy) gets rank 1. */
  static double[] descending(double[] values) {
    double[] negated = Arrays.stream(values).map(v -> -v).toArray();
    return ascending(negated);
  }

  /** Sum over tie groups of {@code t³ - t} (the tie corrections of Friedman and Wilcoxon). */
  static double tieTerm(double[] ranks) {
    double[] sorted = ranks.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      sum += t * t * t - t;
      i = j + 1;
    }
    return sum;
  }
}

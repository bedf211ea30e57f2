package org.sylva.physics.train;

import java.util.Random;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Space-filling collocation designs in the unit hypercube, scaled to a box. Both are seeded: Latin
 * hypercube permutes strata and jitters within them; Sobol (commons-math3, Joe–Kuo directions) is given a
 * random shift modulo 1 (Cranley–Patterson rotation) so different seeds give different, equally uniform
 * point sets.
 */
public enum Sampling {
  LATIN_HYPERCUBE {
    @Override
    double[][] unit(int n, int dimension, long seed) {
      Random random = new Random(seed);
      double[][] points = new double[n][dimension];
      for (int d = 0; d < dimension; d++) {
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) {
          strata[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int swap = strata[i];
          strata[i] = strata[j];
          strata[j] = swap;
        }
        for (int i = 0; i < n; i++) {
          points[i][d] = (strata[i] + random.nextDouble()) / n;
        }
      }
      return points;
    }
  },
  SOBOL {
    @Override
    double[][] unit(int n, int dimension, long seed) {
      SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimension);
      sobol.skipTo(1); // the first Sobol point is the corner 0
      Random random = new Random(seed);
      double[] shift = new double[dimension];
      for (int d = 0; d < dimension; d++) {
        shift[d] = random.nextDouble();
      }
      double[][] points = new double[n][];
      for (int i = 0; i < n; i++) {
        double[] p = sobol.nextVector();
        for (int d = 0; d < dimension; d++) {
          p[d] = (p[d] + shift[d]) % 1.0;
        }
        points[i] = p;
      }
      return points;
    }
  };

  abstract double[][] unit(int n, int dimension, long seed);

  /** {@code n} points in the box {@code [lower, upper]}. */
  public double[][] sample(int n, double[] lower, double[] upper, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("number of sample points must be >= 1, got " + n);
    }
    double[][] points = unit(n, lower.length, seed);
    for (double[] p : points) {
      for (int d = 0; d < lower.length; d++) {
        p[d] = lower[d] + p[d] * (upper[d] - lower[d]);
      }
    }
    return points;
  }

  /** Parses {@code lhs}/{@code latin-hypercube} or {@code sobol}. */
  public static Sampling parse(String name) {
    return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "lhs", "latin-hypercube", "latin_hypercube" -> LATIN_HYPERCUBE;
      case "sobol" -> SOBOL;
      default -> throw new IllegalArgumentException("unknown sampling '" + name + "'; use lhs or sobol");
    };
  }
}

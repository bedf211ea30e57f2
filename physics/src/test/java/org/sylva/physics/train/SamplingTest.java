package org.sylva.physics.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SamplingTest {

  @Test
  void latinHypercubeHasOnePointPerStratumInEveryDimension() {
    int n = 50;
    double[][] points = Sampling.LATIN_HYPERCUBE.sample(n, new double[] {-1, 0}, new double[] {1, 1}, 3);
    for (int d = 0; d < 2; d++) {
      boolean[] seen = new boolean[n];
      for (double[] p : points) {
        double lo = d == 0 ? -1 : 0;
        double width = d == 0 ? 2 : 1;
        int stratum = (int) ((p[d] - lo) / width * n);
        assertThat(seen[stratum]).as("stratum %d of dimension %d hit twice", stratum, d).isFalse();
        seen[stratum] = true;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Sampling.class)
  void seededInsideTheBoxAndCoveringIt(Sampling sampling) {
    double[][] a = sampling.sample(400, new double[] {0, 2}, new double[] {1, 5}, 11);
    double[][] b = sampling.sample(400, new double[] {0, 2}, new double[] {1, 5}, 11);
    double[][] c = sampling.sample(400, new double[] {0, 2}, new double[] {1, 5}, 12);
    assertThat(a).isDeepEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    int[] quadrants = new int[4];
    for (double[] p : a) {
      assertThat(p[0]).isBetween(0.0, 1.0);
      assertThat(p[1]).isBetween(2.0, 5.0);
      quadrants[(p[0] < 0.5 ? 0 : 1) + (p[1] < 3.5 ? 0 : 2)]++;
    }
    // A space-filling design puts close to a quarter in each quadrant (random sampling: ±~17 at 1σ·2).
    for (int q : quadrants) {
      assertThat(q).isBetween(90, 110);
    }
  }

  @Test
  void parsesNamesAndRejectsOthers() {
    assertThat(Sampling.parse("lhs")).isEqualTo(Sampling.LATIN_HYPERCUBE);
    assertThat(Sampling.parse("Sobol")).isEqualTo(Sampling.SOBOL);
    assertThatThrownBy(() -> Sampling.parse("grid")).hasMessage("unknown sampling 'grid'; use lhs or sobol");
  }
}

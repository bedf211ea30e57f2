package org.sylva.models.tsc.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Class-defining properties of the control-chart generator. Noise r(t)·s is uniform in [−6, 6] (standard
 * deviation 2√3 ≈ 3.46); the bounds below leave room for it.
 */
class SyntheticControlTest {

  private final SyntheticControl generator = new SyntheticControl();

  @Test
  void normalStaysWithinTheNoiseBandAroundTheMean() {
    for (int s = 0; s < 200; s++) {
      double[] y = generator.generate(0, new Random(s));
      assertThat(y).hasSize(60);
      for (double v : y) {
        assertThat(v).isBetween(24.0, 36.0);
      }
    }
  }

  @Test
  void cyclicOscillatesWithAmplitudeTenToFifteen() {
    for (int s = 0; s < 200; s++) {
      double[] y = generator.generate(1, new Random(s));
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (double v : y) {
        max = Math.max(max, v);
        min = Math.min(min, v);
        assertThat(v).isBetween(30 - 15 - 6.0, 30 + 15 + 6.0);
      }
      // a sine of amplitude >= 10 sampled over >= 4 periods reaches near both peaks
      assertThat(max - min).isGreaterThan(16);
      assertThat(mean(y, 0, 60)).isCloseTo(30, within(4.0));
    }
  }

  @Test
  void trendsHaveSlopesOfPointTwoToPointFive() {
    for (int s = 0; s < 200; s++) {
      // least-squares slope of 60 points: standard error 3.46 / sqrt(17995) = 0.026, so ±0.1 is ~4 sigma
      assertThat(slope(generator.generate(2, new Random(s)))).isBetween(0.1, 0.6);
      assertThat(slope(generator.generate(3, new Random(s)))).isBetween(-0.6, -0.1);
    }
  }

  @Test
  void shiftsMoveTheLevelBySevenAndAHalfToTwentyBetweenAThirdAndTwoThirds() {
    for (int s = 0; s < 200; s++) {
      // t3 is in [20, 40]: t = 1..19 are always before the shift, t = 41..60 always after it
      double[] up = generator.generate(4, new Random(s));
      double[] down = generator.generate(5, new Random(s));
      double upJump = mean(up, 40, 60) - mean(up, 0, 19);
      double downJump = mean(down, 40, 60) - mean(down, 0, 19);
      assertThat(upJump).isBetween(7.5 - 4, 20 + 4.0);
      assertThat(downJump).isBetween(-20 - 4.0, -7.5 + 4);
      assertThat(Math.abs(slope(up))).isLessThan(1.2); // a step, not a steep trend
    }
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += y[i];
    }
    return s / (to - from);
  }

  private static double slope(double[] y) {
    double tMean = (y.length + 1) / 2.0;
    double yMean = mean(y, 0, y.length);
    double num = 0;
    double den = 0;
    for (int i = 0; i < y.length; i++) {
      double t = i + 1 - tMean;
      num += t * (y[i] - yMean);
      den += t * t;
    }
    return num / den;
  }
}

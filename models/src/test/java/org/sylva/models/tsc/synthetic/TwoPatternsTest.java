package org.sylva.models.tsc.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoPatternsTest {

  @Test
  void classesAreTheFourOrderedPairsOfUpAndDownStepsInTheArchivesOrder() {
    assertThat(new boolean[] {TwoPatterns.isUpward(0, 0), TwoPatterns.isUpward(0, 1)}).containsExactly(false, false);
    assertThat(new boolean[] {TwoPatterns.isUpward(1, 0), TwoPatterns.isUpward(1, 1)}).containsExactly(true, false);
    assertThat(new boolean[] {TwoPatterns.isUpward(2, 0), TwoPatterns.isUpward(2, 1)}).containsExactly(false, true);
    assertThat(new boolean[] {TwoPatterns.isUpward(3, 0), TwoPatterns.isUpward(3, 1)}).containsExactly(true, true);
    assertThat(new TwoPatterns().classNames()).containsExactly("down-down", "up-down", "down-up", "up-up");
  }

  @Test
  void patternsFitWithoutOverlapLeaveTheLastSampleAndHaveLengthsSixteenToThirtyTwo() {
    Random random = new Random(5);
    int minLength = 99;
    int maxLength = 0;
    int maxEnd = 0;
    for (int i = 0; i < 20_000; i++) {
      TwoPatterns.Placement p = TwoPatterns.drawPlacement(random);
      assertThat(p.start1()).isNotNegative();
      assertThat(p.start2()).isGreaterThanOrEqualTo(p.start1() + p.length1());
      assertThat(p.start2() + p.length2()).isLessThanOrEqualTo(TwoPatterns.LENGTH);
      minLength = Math.min(minLength, Math.min(p.length1(), p.length2()));
      maxLength = Math.max(maxLength, Math.max(p.length1(), p.length2()));
      maxEnd = Math.max(maxEnd, p.start2() + p.length2());
    }
    // the archive's patterns never reach the last sample (max end 127, exclusive)
    assertThat(new int[] {minLength, maxLength, maxEnd}).containsExactly(16, 32, 127);
  }

  @Test
  void stepsSitAtTheirPositionsInClassOrderOverUntouchedNoise() {
    TwoPatterns.Placement p = new TwoPatterns.Placement(10, 20, 60, 17);
    double[] noise = new double[128];
    Arrays.fill(noise, 0.25);
    double[] upDown = TwoPatterns.compose(1, p, noise);
    // first pattern (up): -5 for its first 10 samples, +5 for the next 10
    assertThat(Arrays.copyOfRange(upDown, 10, 20)).containsOnly(-5.0);
    assertThat(Arrays.copyOfRange(upDown, 20, 30)).containsOnly(5.0);
    // second pattern (down), odd length 17: the first half takes the extra sample, +5 for 9, -5 for 8
    assertThat(Arrays.copyOfRange(upDown, 60, 69)).containsOnly(5.0);
    assertThat(Arrays.copyOfRange(upDown, 69, 77)).containsOnly(-5.0);
    assertThat(Arrays.copyOfRange(upDown, 0, 10)).containsOnly(0.25);
    assertThat(Arrays.copyOfRange(upDown, 30, 60)).containsOnly(0.25);
    assertThat(Arrays.copyOfRange(upDown, 77, 128)).containsOnly(0.25);
    double[] downUp = TwoPatterns.compose(2, p, noise);
    assertThat(downUp[10]).isEqualTo(5.0);
    assertThat(downUp[60]).isEqualTo(-5.0);
  }

  /**
   * The archive's TwoPatterns, z-normalised, has quartiles -0.406 / 0.407 and extremes -1.939 / 1.939
   * (descriptive statistics of the 5000 UCR series published with github.com/mat-analysis/datasets,
   * uts/TwoPatterns/TwoPatterns-stats.md). The generator's 5000 series match within sampling error; the
   * statistics depend on the pattern lengths and on noise-free ±5 plateaus, which the text leaves implicit.
   */
  @Test
  void zNormalisedValuesHaveTheArchiveDistribution() {
    SyntheticDataset.Cases train = SyntheticDataset.TWO_PATTERNS.generate(11, "TRAIN", 1000);
    SyntheticDataset.Cases test = SyntheticDataset.TWO_PATTERNS.generate(11, "TEST", 4000);
    double[] all = new double[5000 * 128];
    int k = 0;
    for (SyntheticDataset.Cases cases : new SyntheticDataset.Cases[] {train, test}) {
      for (double[] s : cases.series()) {
        for (double v : s) {
          all[k++] = v;
        }
      }
    }
    Arrays.sort(all);
    assertThat(all[all.length / 4]).isCloseTo(-0.406, within(0.02));
    assertThat(all[3 * all.length / 4]).isCloseTo(0.407, within(0.02));
    assertThat(all[0]).isCloseTo(-1.939, within(0.1));
    assertThat(all[all.length - 1]).isCloseTo(1.939, within(0.1));
  }
}

package org.sylva.models.tsc.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Two patterns (Geurts 2001, "Pattern extraction for time series classification", PKDD; Geurts 2002, PhD
 * thesis), the generator of the UCR dataset {@code TwoPatterns}: each series of length 128 holds two
 * patterns one after the other, each either an <em>upward step</em> U (−5 for its first half, +5 for its
 * second) or a <em>downward step</em> D (+5 then −5); the class is the ordered pair, numbered as the
 * archive numbers it: 0 = (D, D), 1 = (U, D), 2 = (D, U), 3 = (U, U) (UCR labels 1..4, "1: down-down,
 * 2: up-down, 3: down-up, 4: up-up" in the archive's description). Outside the patterns the series is
 * N(0, 1) noise; the patterns themselves are noise-free.
 *
 * <p>Pattern lengths l1, l2 are integers uniform in [16, 32]; the first pattern starts at t1 uniform in
 * [0, 127 − l1 − l2], the second at t2 uniform in [t1 + l1, 127 − l2] (0-based), so they never overlap and
 * the last sample is always noise. A pattern of odd length gives its first half the extra sample. The text
 * gives the construction; the position ranges and the odd-length rule were read off the archive's 1000
 * training series (uts/TwoPatterns/TwoPatterns_TRAIN.ts of github.com/mat-analysis/datasets, where the
 * plateaus are runs of equal values): no pattern reaches the last sample, t1 and t2 are uniform on those
 * ranges, and in 467 of the odd-length patterns the first half is the longer, in none the second. With these
 * rules the z-normalised values have the quartiles (±0.41) and extremes (±1.95) of the archive
 * (±0.406 and ±1.939), and 1-NN Euclidean classification errs on 9.3 % of the test cases as on the
 * archive's split (see {@code TwoPatternsTest}).
 */
public final class TwoPatterns implements SeriesGenerator {

  public static final int LENGTH = 128;
  public static final double STEP = 5;
  /** Both patterns lie within the first 127 samples, as in the archive. */
  static final int PATTERN_SPAN = LENGTH - 1;
  static final int MIN_PATTERN = 16;
  static final int MAX_PATTERN = 32;
  private static final List<String> NAMES = List.of("down-down", "up-down", "down-up", "up-up");

  /** Where the two patterns of a series are: start and length of each (0-based indices). */
  public record Placement(int start1, int length1, int start2, int length2) {}

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public List<String> classNames() {
    return NAMES;
  }

  /** Whether pattern {@code which} (0 = first, 1 = second) of class {@code classIndex} is an upward step. */
  public static boolean isUpward(int classIndex, int which) {
    if (classIndex < 0 || classIndex > 3) {
      throw new IllegalArgumentException("TwoPatterns has classes 0..3, got " + classIndex);
    }
    return ((classIndex >> which) & 1) == 1;
  }

  public static Placement drawPlacement(Random random) {
    int l1 = MIN_PATTERN + random.nextInt(MAX_PATTERN - MIN_PATTERN + 1);
    int l2 = MIN_PATTERN + random.nextInt(MAX_PATTERN - MIN_PATTERN + 1);
    int t1 = random.nextInt(PATTERN_SPAN - l1 - l2 + 1);
    int t2 = t1 + l1 + random.nextInt(PATTERN_SPAN - l2 - (t1 + l1) + 1);
    return new Placement(t1, l1, t2, l2);
  }

  /** A series with the two patterns of {@code classIndex} placed at {@code p} and {@code noise} elsewhere. */
  public static double[] compose(int classIndex, Placement p, double[] noise) {
    double[] x = noise.clone();
    writeStep(x, p.start1(), p.length1(), isUpward(classIndex, 0));
    writeStep(x, p.start2(), p.length2(), isUpward(classIndex, 1));
    return x;
  }

  @Override
  public double[] generate(int classIndex, Random random) {
    Placement p = drawPlacement(random);
    double[] noise = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      noise[i] = random.nextGaussian();
    }
    return compose(classIndex, p, noise);
  }

  private static void writeStep(double[] x, int start, int length, boolean upward) {
    int half = (length + 1) / 2;
    double first = upward ? -STEP : STEP;
    for (int i = 0; i < length; i++) {
      x[start + i] = i < half ? first : -first;
    }
  }
}

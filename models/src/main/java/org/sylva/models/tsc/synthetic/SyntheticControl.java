package org.sylva.models.tsc.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Synthetic control charts (Alcock & Manolopoulos 1999, after Pham & Chan 1998), the generator of the UCR
 * dataset {@code SyntheticControl}: length n = 60, t = 1..60, with m = 30, s = 2 and r(t) uniform in
 * [−3, 3] drawn per time step:
 *
 * <pre>
 *   0 normal           y(t) = m + r(t)·s
 *   1 cyclic           y(t) = m + r(t)·s + a·sin(2πt/T),   a, T uniform in [10, 15]
 *   2 increasing trend y(t) = m + r(t)·s + g·t,            g uniform in [0.2, 0.5]
 *   3 decreasing trend y(t) = m + r(t)·s − g·t
 *   4 upward shift     y(t) = m + r(t)·s + k(t)·x,         x uniform in [7.5, 20], k(t) = [t ≥ t3],
 *   5 downward shift   y(t) = m + r(t)·s − k(t)·x          t3 an integer uniform in [n/3, 2n/3]
 * </pre>
 *
 * UCR labels 1..6 follow this order.
 */
public final class SyntheticControl implements SeriesGenerator {

  public static final int LENGTH = 60;
  static final double MEAN = 30;
  static final double NOISE_SCALE = 2;
  private static final List<String> NAMES = List.of("normal", "cyclic", "increasing trend", "decreasing trend",
      "upward shift", "downward shift");

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public List<String> classNames() {
    return NAMES;
  }

  @Override
  public double[] generate(int classIndex, Random random) {
    if (classIndex < 0 || classIndex > 5) {
      throw new IllegalArgumentException("SyntheticControl has classes 0..5, got " + classIndex);
    }
    // Class parameters first, then the per-step noise, so a class's pattern does not depend on the noise.
    double amplitude = uniform(random, 10, 15);
    double period = uniform(random, 10, 15);
    double gradient = uniform(random, 0.2, 0.5);
    double shift = uniform(random, 7.5, 20);
    int shiftTime = LENGTH / 3 + random.nextInt(LENGTH / 3 + 1);
    double[] y = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int t = i + 1;
      double value = MEAN + uniform(random, -3, 3) * NOISE_SCALE;
      value += switch (classIndex) {
        case 1 -> amplitude * Math.sin(2 * Math.PI * t / period);
        case 2 -> gradient * t;
        case 3 -> -gradient * t;
        case 4 -> t >= shiftTime ? shift : 0;
        case 5 -> t >= shiftTime ? -shift : 0;
        default -> 0;
      };
      y[i] = value;
    }
    return y;
  }

  private static double uniform(Random random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }
}

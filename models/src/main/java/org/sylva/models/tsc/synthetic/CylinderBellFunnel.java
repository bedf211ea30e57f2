package org.sylva.models.tsc.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Cylinder–Bell–Funnel (Saito 1994, "Local feature extraction and its applications using a library of
 * bases", PhD thesis, Yale), the generator of the UCR dataset {@code CBF}, length 128, t = 1..128:
 *
 * <pre>
 *   cylinder c(t) = (6 + η) · χ[a,b](t)                    + ε(t)
 *   bell     b(t) = (6 + η) · χ[a,b](t) · (t − a)/(b − a)  + ε(t)
 *   funnel   f(t) = (6 + η) · χ[a,b](t) · (b − t)/(b − a)  + ε(t)
 * </pre>
 *
 * with η, ε(t) ~ N(0, 1), a an integer uniform in [16, 32], b − a an integer uniform in [32, 96] and
 * χ[a,b] the indicator of a ≤ t ≤ b. Classes 0, 1, 2 are cylinder, bell, funnel (UCR labels 1, 2, 3).
 */
public final class CylinderBellFunnel implements SeriesGenerator {

  public static final int LENGTH = 128;
  private static final List<String> NAMES = List.of("cylinder", "bell", "funnel");

  /** The event drawn for one series: onset a, end b (1-based times) and amplitude 6 + η. */
  public record Event(int a, int b, double amplitude) {}

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public List<String> classNames() {
    return NAMES;
  }

  /** Draws a, b and η in that order. */
  public static Event drawEvent(Random random) {
    int a = 16 + random.nextInt(17);
    int b = a + 32 + random.nextInt(65);
    return new Event(a, b, 6 + random.nextGaussian());
  }

  /** The noise-free shape of a class for an event: value at index i is the shape at t = i + 1. */
  public static double[] shape(int classIndex, Event e) {
    double[] x = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int t = i + 1;
      if (t < e.a() || t > e.b()) {
        continue;
      }
      double ramp = switch (classIndex) {
        case 0 -> 1;
        case 1 -> (t - e.a()) / (double) (e.b() - e.a());
        case 2 -> (e.b() - t) / (double) (e.b() - e.a());
        default -> throw new IllegalArgumentException("CBF has classes 0..2, got " + classIndex);
      };
      x[i] = e.amplitude() * ramp;
    }
    return x;
  }

  @Override
  public double[] generate(int classIndex, Random random) {
    double[] x = shape(classIndex, drawEvent(random));
    for (int i = 0; i < x.length; i++) {
      x[i] += random.nextGaussian();
    }
    return x;
  }
}

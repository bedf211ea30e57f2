package org.sylva.models.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sylva.models.patch.Patch;

/**
 * Synthetic patches with a known band → height mapping for tests. Each band is a smooth random field
 * {@code s_k(x, y)} (a sum of three random plane waves, values in about [−1.5, 1.5]) stored as
 * reflectance-like values {@code 1000 + 500·s_k}; the height is
 * {@code 30·sigmoid(2·s0 − 1.5·s1) + 4·s2² + ε}, ε ~ N(0, noise²), clipped at 0. Band 3 is a distractor.
 * Targets are sparse: each pixel has a target with probability {@code targetFraction} (mask 1), NaN elsewhere.
 */
final class SyntheticHeights {

  static final List<String> BANDS = List.of("b0", "b1", "b2", "b3");

  private SyntheticHeights() {}

  static List<Patch> patches(int count, int size, double noise, double targetFraction, long seed) {
    Random rng = new Random(seed);
    List<Patch> patches = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      int pixels = size * size;
      float[] input = new float[BANDS.size() * pixels];
      float[][] s = new float[BANDS.size()][];
      for (int b = 0; b < BANDS.size(); b++) {
        s[b] = field(size, rng);
        for (int i = 0; i < pixels; i++) {
          input[b * pixels + i] = 1000 + 500 * s[b][i];
        }
      }
      float[] target = new float[pixels];
      float[] mask = new float[pixels];
      for (int i = 0; i < pixels; i++) {
        if (rng.nextDouble() < targetFraction) {
          target[i] = (float) Math.max(0, height(s[0][i], s[1][i], s[2][i]) + noise * rng.nextGaussian());
          mask[i] = 1;
        } else {
          target[i] = Float.NaN;
        }
      }
      patches.add(new Patch(BANDS.size(), size, size, input, target, mask));
    }
    return patches;
  }

  /** The noise-free height of band values s0, s1, s2 (metres). */
  static double height(double s0, double s1, double s2) {
    return 30 / (1 + Math.exp(-(2 * s0 - 1.5 * s1))) + 4 * s2 * s2;
  }

  /** A smooth field: three plane waves with random direction, wavelength 12–40 px and phase. */
  static float[] field(int size, Random rng) {
    float[] f = new float[size * size];
    for (int w = 0; w < 3; w++) {
      double angle = rng.nextDouble() * 2 * Math.PI;
      double k = 2 * Math.PI / (12 + 28 * rng.nextDouble());
      double phase = rng.nextDouble() * 2 * Math.PI;
      double kx = k * Math.cos(angle);
      double ky = k * Math.sin(angle);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          f[y * size + x] += (float) (0.5 * Math.sin(kx * x + ky * y + phase));
        }
      }
    }
    return f;
  }
}

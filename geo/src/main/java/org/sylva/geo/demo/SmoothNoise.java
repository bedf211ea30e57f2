package org.sylva.geo.demo;

import java.util.SplittableRandom;

/**
 * Spatially smooth random fields (value noise: random values on a lattice, smoothstep-interpolated, summed
 * over octaves), roughly in [−1, 1]. Used for clouds, broadleaf patches, within-stand variation.
 */
final class SmoothNoise {

  private SmoothNoise() {}

  /** Fractal noise with the coarsest lattice cell {@code cellPixels} wide and {@code octaves} halvings. */
  static float[] field(long seed, int width, int height, double cellPixels, int octaves) {
    float[] out = new float[width * height];
    double amplitude = 1;
    double norm = 0;
    for (int o = 0; o < octaves; o++) {
      addOctave(out, Seeds.mix(seed, "octave", o), width, height, cellPixels / (1 << o), amplitude);
      norm += amplitude;
      amplitude /= 2;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= (float) norm;
    }
    return out;
  }

  private static void addOctave(float[] out, long seed, int width, int height, double cell, double amplitude) {
    cell = Math.max(cell, 1);
    int lw = (int) Math.ceil(width / cell) + 2;
    int lh = (int) Math.ceil(height / cell) + 2;
    float[] lattice = new float[lw * lh];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = (float) (random.nextDouble() * 2 - 1);
    }
    for (int y = 0; y < height; y++) {
      double gy = y / cell;
      int y0 = (int) gy;
      double ty = smooth(gy - y0);
      for (int x = 0; x < width; x++) {
        double gx = x / cell;
        int x0 = (int) gx;
        double tx = smooth(gx - x0);
        double a = lattice[y0 * lw + x0] * (1 - tx) + lattice[y0 * lw + x0 + 1] * tx;
        double b = lattice[(y0 + 1) * lw + x0] * (1 - tx) + lattice[(y0 + 1) * lw + x0 + 1] * tx;
        out[y * width + x] += (float) (amplitude * (a * (1 - ty) + b * ty));
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  /** The threshold above which a fraction {@code share} of the field lies (by sorting a sample). */
  static float quantileThreshold(float[] field, double share) {
    int step = Math.max(1, field.length / 20_000);
    float[] sample = new float[(field.length + step - 1) / step];
    for (int i = 0, k = 0; i < field.length; i += step, k++) {
      sample[k] = field[i];
    }
    java.util.Arrays.sort(sample);
    int index = (int) Math.round((1 - share) * (sample.length - 1));
    return sample[Math.max(0, Math.min(sample.length - 1, index))];
  }
}

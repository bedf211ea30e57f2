package org.sylva.models.patch;

import java.util.Random;

/**
 * The eight flips and 90° rotations of a square patch (the dihedral group D4), used as label-preserving
 * augmentation for nadir imagery: canopy height does not depend on the orientation of a scene. Non-square
 * patches only use the four transforms that keep their shape (identity, horizontal and vertical flips,
 * 180° rotation). The same transform is applied to every input band, the target and the mask.
 */
public final class Dihedral {

  private Dihedral() {}

  /** A random transform of {@code patch}: uniformly one of the 8 (square) or 4 (non-square) transforms. */
  public static Patch random(Patch patch, Random rng) {
    int transforms = patch.height() == patch.width() ? 8 : 4;
    return apply(patch, rng.nextInt(transforms));
  }

  /**
   * Transform number {@code t}: bit 0 flips left-right, bit 1 flips top-bottom, bit 2 transposes (swaps rows
   * and columns; square patches only). 0 is the identity; 3 is the 180° rotation; 5 and 6 are the 90°
   * rotations.
   */
  public static Patch apply(Patch patch, int t) {
    if (t < 0 || t > 7) {
      throw new IllegalArgumentException("dihedral transform must be in [0, 7], got " + t);
    }
    if (t >= 4 && patch.height() != patch.width()) {
      throw new IllegalArgumentException("transposing transform " + t + " needs a square patch, got "
          + patch.height() + "x" + patch.width());
    }
    if (t == 0) {
      return patch;
    }
    int h = patch.height();
    int w = patch.width();
    return new Patch(patch.channels(), h, w, transform(patch.input(), patch.channels(), h, w, t),
        transform(patch.target(), 1, h, w, t), transform(patch.mask(), 1, h, w, t));
  }

  private static float[] transform(float[] src, int planes, int h, int w, int t) {
    boolean flipX = (t & 1) != 0;
    boolean flipY = (t & 2) != 0;
    boolean transpose = (t & 4) != 0;
    float[] dst = new float[src.length];
    int plane = h * w;
    for (int p = 0; p < planes; p++) {
      int base = p * plane;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int sy = flipY ? h - 1 - y : y;
          int sx = flipX ? w - 1 - x : x;
          int srcIndex = transpose ? sx * w + sy : sy * w + sx;
          dst[base + y * w + x] = src[base + srcIndex];
        }
      }
    }
    return dst;
  }
}

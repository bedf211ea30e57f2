package org.sylva.geo.demo;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the scene seed, a purpose tag and an index (SplitMix64 mixing),
 * so each date, layer and GEDI pass is reproducible on its own, whatever is generated first.
 */
final class Seeds {

  private Seeds() {}

  static SplittableRandom random(long seed, String tag, long index) {
    return new SplittableRandom(mix(seed, tag, index));
  }

  static long mix(long seed, String tag, long index) {
    long h = seed * 0x9E3779B97F4A7C15L + tag.hashCode() * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
    h ^= h >>> 30;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 27;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** A sum of four exponentials over four: Gamma(4, 1/4), mean 1 — multi-looked (ENL 4) SAR speckle. */
  static double speckle(SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum -= Math.log(1 - random.nextDouble());
    }
    return sum / 4;
  }
}

package org.sylva.models.tsc;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds from a base seed and names ({@code derive(42, "CBF", "FCN",
 * "run", "3")}), so every random choice of an experiment has its own stream and adding an experiment does
 * not shift the random numbers of the others. FNV-1a over the UTF-8 names, finished with SplitMix64.
 */
public final class Seeds {

  private Seeds() {}

  public static long derive(long seed, String... names) {
    long h = 0xcbf29ce484222325L ^ mix(seed);
    for (String name : names) {
      for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      h = (h ^ 0xff) * 0x100000001b3L; // separator: ("ab","c") differs from ("a","bc")
    }
    return mix(h);
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

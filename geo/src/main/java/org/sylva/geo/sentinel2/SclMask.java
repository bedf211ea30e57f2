package org.sylva.geo.sentinel2;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Sentinel-2 scene classification (SCL) classes mask a pixel. Default: 0 no data, 1 saturated or
 * defective, 3 cloud shadow, 8 cloud medium probability, 9 cloud high probability, 10 thin cirrus,
 * 11 snow/ice. Kept: 2 dark area, 4 vegetation, 5 bare soil, 6 water, 7 unclassified. A pixel whose SCL is
 * missing (NaN, outside the SCL raster) is masked too.
 */
public final class SclMask {

  public static final Set<Integer> DEFAULT_MASKED = Set.of(0, 1, 3, 8, 9, 10, 11);

  private final BitSet masked = new BitSet(256);

  public SclMask(Set<Integer> maskedClasses) {
    for (int c : maskedClasses) {
      if (c < 0 || c > 255) {
        throw new IllegalArgumentException("SCL class must be 0..255, got " + c);
      }
      masked.set(c);
    }
  }

  public static SclMask defaults() {
    return new SclMask(DEFAULT_MASKED);
  }

  /** Whether a pixel with this SCL value is usable. */
  public boolean isClear(float scl) {
    if (Float.isNaN(scl) || scl < 0 || scl > 255) {
      return false;
    }
    return !masked.get((int) scl);
  }

  public Set<Integer> maskedClasses() {
    Set<Integer> out = new TreeSet<>();
    masked.stream().forEach(out::add);
    return out;
  }

  @Override
  public String toString() {
    return "SCL mask " + maskedClasses();
  }
}

package org.sylva.geo.sentinel1;

/** How backscatter (γ0 or σ0) is stored: linear power ratio, or decibels (10·log10 of it). */
public enum BackscatterScale {
  LINEAR_POWER,
  DECIBEL;

  /** Linear power of a stored value (NaN stays NaN). */
  public double toLinear(double stored) {
    return this == LINEAR_POWER ? stored : Math.pow(10, stored / 10);
  }

  public static double toDecibel(double linearPower) {
    return 10 * Math.log10(linearPower);
  }
}

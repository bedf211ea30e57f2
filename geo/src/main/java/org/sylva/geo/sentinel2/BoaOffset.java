package org.sylva.geo.sentinel2;

/**
 * The additive offset in DN applied before scaling, reflectance = (DN + offsetDn) / 10000, and why it was
 * chosen (logged per item so a wrong rule is visible).
 */
public record BoaOffset(double offsetDn, String reason) {

  public static final double QUANTIFICATION_VALUE = 10_000;
  /** BOA_ADD_OFFSET of baselines ≥ 04.00. */
  public static final double BASELINE_04_OFFSET_DN = -1000;

  /** Surface reflectance (unitless) of a digital number. */
  public float reflectance(float dn) {
    return (float) ((dn + offsetDn) / QUANTIFICATION_VALUE);
  }
}

package org.sylva.geo.gedi;

/**
 * The shot filters, in the order they are applied. A dropped shot is counted under the first filter it
 * fails, so the counts of one file add up to the shots read minus the shots kept.
 */
public enum GediFilterStep {
  /** Coverage beam while only power beams are wanted. */
  POWER_BEAM("power_beam"),
  /** {@code quality_flag} is not 1. */
  QUALITY_FLAG("quality_flag"),
  /** {@code degrade_flag} is not 0 (degraded pointing or positioning). */
  DEGRADE_FLAG("degrade_flag"),
  /** {@code sensitivity} below the minimum (or not a number). */
  SENSITIVITY("sensitivity"),
  /** {@code land_cover_data/leaf_off_flag} is 1 while only leaf-on shots are wanted. */
  LEAF_OFF("leaf_off"),
  /** Shot time outside the date range. */
  DATE_RANGE("date_range"),
  /** Latitude/longitude not finite or out of range (fill values of failed shots). */
  LOCATION("location"),
  /** Footprint centre outside the area of interest. */
  AOI("aoi");

  private final String label;

  GediFilterStep(String label) {
    this.label = label;
  }

  /** Snake-case name used in reports and table columns. */
  public String label() {
    return label;
  }
}

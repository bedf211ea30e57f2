package org.sylva.geo.gedi;

/** Relative-height percentiles kept from the L2A {@code rh} profile (metres above the lowest mode). */
public enum GediHeightMetric {
  RH95,
  RH98,
  RH100
}

package org.sylva.geo.sentinel1;

/** Sentinel-1 IW dual-polarisation channels. */
public enum Polarization {
  VV,
  VH
}

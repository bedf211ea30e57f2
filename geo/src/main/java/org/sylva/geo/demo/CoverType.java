package org.sylva.geo.demo;

/** Land cover of a demo-scene pixel; codes are what {@link ForestLandscape#cover()} stores. */
public enum CoverType {
  ROAD,
  FIREBREAK,
  CLEARCUT,
  YOUNG_PINE,
  PINE,
  BROADLEAF;

  public byte code() {
    return (byte) ordinal();
  }

  public static CoverType of(byte code) {
    return values()[code];
  }
}

package org.sylva.geo.demo;

/**
 * Dominant height of Landes maritime pine (Pinus pinaster) by stand age: a Chapman–Richards curve
 * H = 31·(1 − e^(−0.045·age))^1.4, giving ~6 m at 8 years, ~15 m at 20, ~22 m at 35 and ~26 m at 50,
 * in line with the regional yield tables (rotation 40–50 years, dominant height 22–28 m at harvest).
 */
public final class PineGrowth {

  public static final double ASYMPTOTE_METRES = 31;

  private PineGrowth() {}

  public static double heightMetres(double ageYears) {
    if (ageYears <= 0) {
      return 0;
    }
    return ASYMPTOTE_METRES * Math.pow(1 - Math.exp(-0.045 * ageYears), 1.4);
  }
}

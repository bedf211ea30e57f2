package org.sylva.geo.geotiff;

/**
 * TIFF predictors applied before compression: horizontal differencing of samples ({@link #HORIZONTAL}, best
 * for integers) and the floating-point predictor ({@link #FLOATING_POINT}, byte planes then byte differences,
 * best for float32), as libtiff/GDAL implement them.
 */
public enum Predictor {
  NONE(1),
  HORIZONTAL(2),
  FLOATING_POINT(3);

  private final int code;

  Predictor(int code) {
    this.code = code;
  }

  /** The TIFF Predictor tag value. */
  public int code() {
    return code;
  }

  static Predictor fromCode(int code) {
    for (Predictor p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    return null;
  }
}

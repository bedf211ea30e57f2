package org.sylva.geo.raster;

/**
 * Sample types Sylva reads and writes. In memory every sample is held as a {@code float}: all of these
 * types convert to float exactly (uint16 and int16 included), so one code path serves them all.
 */
public enum DataType {
  UINT8(1, false, false),
  INT16(2, true, false),
  UINT16(2, false, false),
  FLOAT32(4, true, true);

  private final int bytes;
  private final boolean signed;
  private final boolean floatingPoint;

  DataType(int bytes, boolean signed, boolean floatingPoint) {
    this.bytes = bytes;
    this.signed = signed;
    this.floatingPoint = floatingPoint;
  }

  public int bytesPerSample() {
    return bytes;
  }

  public boolean isSigned() {
    return signed;
  }

  public boolean isFloatingPoint() {
    return floatingPoint;
  }

  /** Smallest value the type can hold. */
  public double minValue() {
    return switch (this) {
      case UINT8, UINT16 -> 0;
      case INT16 -> Short.MIN_VALUE;
      case FLOAT32 -> -Float.MAX_VALUE;
    };
  }

  /** Largest value the type can hold. */
  public double maxValue() {
    return switch (this) {
      case UINT8 -> 255;
      case INT16 -> Short.MAX_VALUE;
      case UINT16 -> 65535;
      case FLOAT32 -> Float.MAX_VALUE;
    };
  }
}

package org.sylva.geo.geotiff;

/**
 * One decoded IFD entry. Integer types (BYTE, SHORT, LONG, LONG8, signed variants, UNDEFINED) are held in
 * {@code integers}, FLOAT/DOUBLE/RATIONAL in {@code reals}, ASCII in {@code text} (NUL terminators removed).
 */
record TiffField(int tag, int type, long count, long[] integers, double[] reals, String text) {

  boolean isText() {
    return text != null;
  }

  /** The values as doubles whatever the numeric type. */
  double[] asDoubles() {
    if (reals != null) {
      return reals;
    }
    if (integers == null) {
      return new double[0];
    }
    double[] d = new double[integers.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = integers[i];
    }
    return d;
  }

  /** The values as longs; reals are truncated (tags read this way are integer in valid files). */
  long[] asLongs() {
    if (integers != null) {
      return integers;
    }
    if (reals == null) {
      return new long[0];
    }
    long[] l = new long[reals.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (long) reals[i];
    }
    return l;
  }
}

package org.sylva.models.tsc.data;

/**
 * One labelled case as read from an archive file, before any preprocessing: one array per dimension
 * (channel), each with its own length, {@code NaN} where a value is missing.
 *
 * @param label the class label as written in the file (integral numbers canonicalised, {@code 1.0 -> 1})
 * @param channels values per dimension; lengths may differ between cases and between dimensions
 * @param line the 1-based line of the file the case was read from, for error messages
 */
public record RawSeries(String label, double[][] channels, int line) {

  /** Length of the longest dimension. */
  public int maxLength() {
    int max = 0;
    for (double[] c : channels) {
      max = Math.max(max, c.length);
    }
    return max;
  }
}

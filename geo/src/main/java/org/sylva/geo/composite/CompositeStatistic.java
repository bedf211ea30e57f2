package org.sylva.geo.composite;

/** Per-pixel statistics over the valid observations of a date range. */
public enum CompositeStatistic {
  MEAN("mean"),
  /** The middle value; for an even count the mean of the two middle values (as numpy.median). */
  MEDIAN("median");

  private final String suffix;

  CompositeStatistic(String suffix) {
    this.suffix = suffix;
  }

  /** Band name suffix, as in {@code B04_mean}. */
  public String suffix() {
    return suffix;
  }
}

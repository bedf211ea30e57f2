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

  /** Band name suffix of a secondary statistic, as in {@code B04_mean}; also the name in metadata. */
  public String suffix() {
    return suffix;
  }
}

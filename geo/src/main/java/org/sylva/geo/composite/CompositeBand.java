package org.sylva.geo.composite;

import java.util.Objects;

/**
 * One band of a composite raster: its name (what variant configs refer to, e.g. {@code B04}, {@code VV_mean},
 * {@code count}), its unit ({@code "1"} for reflectance, {@code "dB"}, {@code "count"}) and the statistic it
 * holds ({@code median}, {@code mean}, {@code count}).
 */
public record CompositeBand(String name, String unit, String statistic) {

  public CompositeBand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(statistic, "statistic");
  }
}

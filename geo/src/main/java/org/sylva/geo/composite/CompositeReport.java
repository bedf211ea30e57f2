package org.sylva.geo.composite;

import java.util.List;

/**
 * How a composite run went: observations in the date range, tiles written, target pixels with no valid
 * observation (nodata in every band) and warnings such as an all-cloud stack.
 */
public record CompositeReport(int observations, int tiles, long pixels, long pixelsWithoutObservation,
    List<String> warnings) {

  public CompositeReport {
    warnings = List.copyOf(warnings);
  }

  public double validShare() {
    return pixels == 0 ? 0 : 1 - (double) pixelsWithoutObservation / pixels;
  }
}

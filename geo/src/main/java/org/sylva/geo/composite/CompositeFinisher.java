package org.sylva.geo.composite;

import java.util.List;

/**
 * Sensor-specific last step applied to each tile's statistics before it is written: Sentinel-2 keeps them
 * as they are, Sentinel-1 converts linear power to dB and adds VV/VH ratio bands. Must be thread-safe.
 */
public interface CompositeFinisher {

  /** Keeps the statistic bands unchanged. */
  CompositeFinisher IDENTITY = new CompositeFinisher() {
    @Override
    public List<String> bandNames(List<String> statisticBands) {
      return statisticBands;
    }

    @Override
    public float[][] finish(List<String> statisticBands, float[][] statistics) {
      return statistics;
    }
  };

  /** Output band names (without the trailing count band) given the statistic band names. */
  List<String> bandNames(List<String> statisticBands);

  /** Output bands for one tile given the statistic bands (NaN = no valid observation). */
  float[][] finish(List<String> statisticBands, float[][] statistics);
}

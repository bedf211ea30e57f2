package org.sylva.geo.gedi;

import java.time.Instant;

/**
 * One kept GEDI L2A shot: footprint centre (lowest mode) in WGS84 degrees and in the target CRS ({@code x},
 * {@code y} in its map units), relative heights in metres above the lowest mode, {@code elevation} the
 * lowest-mode elevation in metres (NaN when the granule lacks it), {@code sourceFile} the granule's file name.
 */
public record GediFootprint(
    long shotNumber,
    Instant time,
    double lon,
    double lat,
    double x,
    double y,
    GediBeam beam,
    float sensitivity,
    double rh95,
    double rh98,
    double rh100,
    double elevation,
    String sourceFile) {

  public boolean powerBeam() {
    return beam.isPower();
  }

  /** The relative height a {@link GediHeightMetric} selects. */
  public double height(GediHeightMetric metric) {
    return switch (metric) {
      case RH95 -> rh95;
      case RH98 -> rh98;
      case RH100 -> rh100;
    };
  }
}

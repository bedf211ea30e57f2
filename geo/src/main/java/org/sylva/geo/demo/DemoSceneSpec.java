package org.sylva.geo.demo;

import java.time.Instant;

/**
 * Parameters of the synthetic Landes scene. Defaults: 2000 × 2000 pixels of 10 m (20 × 20 km) in UTM 30N
 * with upper-left corner (655000 E, 4905000 N), i.e. 44.10–44.28° N, 1.06–0.81° W between Escource,
 * Labouheyre and Solférino in the maritime-pine forest of the Landes de Gascogne; 12 Sentinel-2 and 30
 * Sentinel-1 dates in {@code year}; GEDI passes dense enough that ~{@code gediCoverageTarget} of the pixels
 * are hit by a kept 25 m footprint after the default filters.
 */
public record DemoSceneSpec(long seed, int width, int height, double originX, double originY, int year,
    int sentinel2Dates, int sentinel1Dates, double gediCoverageTarget) {

  public static final double PIXEL_METRES = 10;

  public DemoSceneSpec {
    if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("scene size must be even and at least 64 × 64 pixels, got " + width + "x" + height);
    }
    if (sentinel2Dates < 1 || sentinel1Dates < 1) {
      throw new IllegalArgumentException("at least one Sentinel-1 and one Sentinel-2 date are needed");
    }
    if (!(gediCoverageTarget > 0 && gediCoverageTarget < 0.5)) {
      throw new IllegalArgumentException("GEDI coverage target must be in (0, 0.5), got " + gediCoverageTarget);
    }
  }

  public static DemoSceneSpec defaults(long seed) {
    return new DemoSceneSpec(seed, 2000, 2000, 655_000, 4_905_000, 2023, 12, 30, 0.035);
  }

  /** The same scene parameters on a smaller (or larger) square, e.g. 256 for tests. */
  public DemoSceneSpec withSize(int pixels) {
    return new DemoSceneSpec(seed, pixels, pixels, originX, originY, year, sentinel2Dates, sentinel1Dates, gediCoverageTarget);
  }

  public DemoSceneSpec withDates(int s2, int s1) {
    return new DemoSceneSpec(seed, width, height, originX, originY, year, s2, s1, gediCoverageTarget);
  }

  public Instant yearStart() {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  public Instant yearEnd() {
    return Instant.parse((year + 1) + "-01-01T00:00:00Z");
  }
}

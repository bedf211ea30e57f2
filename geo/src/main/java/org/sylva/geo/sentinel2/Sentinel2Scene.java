package org.sylva.geo.sentinel2;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.sylva.geo.raster.RasterSource;

/**
 * One Sentinel-2 L2A acquisition ready for compositing: band rasters (DN, each on its own native grid),
 * the SCL raster and the BOA offset decided for it. Sources are used read-only and concurrently.
 */
public record Sentinel2Scene(String id, Instant time, Map<Sentinel2Band, RasterSource> bands, RasterSource scl,
    BoaOffset boaOffset) {

  public Sentinel2Scene {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(scl, id + ": SCL");
    Objects.requireNonNull(boaOffset, "boaOffset");
    bands = new EnumMap<>(bands);
    if (bands.containsKey(Sentinel2Band.SCL)) {
      throw new IllegalArgumentException(id + ": SCL is passed separately, not as a band");
    }
  }

  public RasterSource band(Sentinel2Band band) {
    RasterSource source = bands.get(band);
    if (source == null) {
      throw new IllegalArgumentException(id + ": no " + band + " raster");
    }
    return source;
  }
}

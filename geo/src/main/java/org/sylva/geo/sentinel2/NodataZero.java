package org.sylva.geo.sentinel2;

import java.util.OptionalDouble;
import org.sylva.geo.composite.MappedRasterSource;
import org.sylva.geo.raster.RasterSource;

/**
 * A Sentinel-2 DN raster seen with nodata 0, the L2A convention: files converted by some tools lose the
 * nodata tag (or carry another value), yet DN 0 must never be averaged or interpolated as a reflectance.
 * Samples equal to a declared nodata other than 0 are turned into 0.
 */
final class NodataZero {

  private NodataZero() {}

  static RasterSource wrap(RasterSource source) {
    OptionalDouble declared = source.nodata();
    if (declared.isPresent() && declared.getAsDouble() == 0) {
      return source;
    }
    float other = declared.isPresent() ? (float) declared.getAsDouble() : Float.NaN;
    return new MappedRasterSource(source, source.dataType(), OptionalDouble.of(0), v -> v == other ? 0 : v);
  }
}

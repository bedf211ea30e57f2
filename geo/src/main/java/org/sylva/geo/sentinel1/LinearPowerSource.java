package org.sylva.geo.sentinel1;

import java.util.OptionalDouble;
import org.sylva.geo.composite.MappedRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterSource;

/**
 * A backscatter raster seen in linear power, so resampling interpolates power, not dB. Nodata samples
 * become NaN (the view declares no nodata value of its own).
 */
final class LinearPowerSource {

  private LinearPowerSource() {}

  static RasterSource of(RasterSource source, BackscatterScale scale) {
    OptionalDouble nodata = source.nodata();
    float fill = nodata.isPresent() ? (float) nodata.getAsDouble() : Float.NaN;
    return new MappedRasterSource(source, DataType.FLOAT32, OptionalDouble.empty(),
        v -> v == fill ? Float.NaN : (float) scale.toLinear(v));
  }
}

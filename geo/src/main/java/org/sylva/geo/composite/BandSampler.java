package org.sylva.geo.composite;

import java.io.IOException;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;

/**
 * Brings one band of a source onto a target grid (typically a 512×512 window of the 10 m composite grid).
 * Continuous data (reflectance, backscatter) is resampled bilinearly, categorical data (SCL classes)
 * with nearest neighbour. Returns one value per target pixel, row-major, NaN where the source has nodata
 * or does not cover the pixel. Implementations must be thread-safe.
 *
 * <p>{@link ReprojectionSampler} is the implementation: gdalwarp-like reprojection for any pair of grids.
 */
@FunctionalInterface
public interface BandSampler {

  float[] sample(RasterSource source, int band, GridGeometry target, boolean categorical) throws IOException;
}

package org.sylva.geo.raster;

/**
 * Resampling methods with GDAL's semantics (pixel centres at half-integer pixel coordinates, nodata-aware):
 * NEAREST takes the source pixel containing the target pixel centre; BILINEAR weights the four nearest
 * source centres, renormalising over the valid ones; AVERAGE is the area-weighted mean of the valid source
 * pixels under the target pixel.
 */
public enum Resampling {
  NEAREST,
  BILINEAR,
  AVERAGE
}

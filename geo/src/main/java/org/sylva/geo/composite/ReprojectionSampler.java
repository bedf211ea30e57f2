package org.sylva.geo.composite;

import java.io.IOException;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.warp.Reprojection;

/**
 * The {@link BandSampler} of real inputs: {@link Reprojection} with gdalwarp's semantics, nearest neighbour
 * for categorical bands and bilinear otherwise, in any CRS Apache SIS can transform (a Sentinel-2 tile of UTM
 * 31N onto a UTM 30N grid; the 20 m bands onto the 10 m grid, exactly, since that mapping is affine). Target
 * pixels outside the source, or over source nodata, are NaN, so the compositor counts them as not observed.
 * Thread-safe when the source is.
 */
public final class ReprojectionSampler implements BandSampler {

  @Override
  public float[] sample(RasterSource source, int band, GridGeometry target, boolean categorical) throws IOException {
    try {
      return Reprojection.read(source, band, target, categorical ? Resampling.NEAREST : Resampling.BILINEAR);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }
}

package org.sylva.geo.composite;

import java.io.IOException;
import java.util.Arrays;
import org.apache.sis.util.Utilities;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * Exact resampling between north-up grids in the same CRS whose source pixel size is an integer multiple
 * {@code k} of the target's (k = 2 for Sentinel-2 20 m bands on the 10 m grid) and whose pixel edges lie on
 * the target's lattice. Target pixel centre (c + ½) maps to source coordinate u = (offset + c + ½)/k.
 * Nearest takes the source pixel containing u. Bilinear interpolates between the source pixel centres
 * around u − ½, clamping at the source edges (edge pixels are replicated); a NaN/nodata neighbour with
 * non-zero weight makes the result NaN (stricter than GDAL, which re-weights the valid neighbours).
 * Only the source window covering the target (plus one pixel for bilinear) is read. Thread-safe when the
 * source is.
 */
public final class AlignedGridSampler implements BandSampler {

  private static final double TOLERANCE = 1e-6;

  @Override
  public float[] sample(RasterSource source, int band, GridGeometry target, boolean categorical) throws IOException {
    GridGeometry src = source.grid();
    GeoTransform s = src.transform();
    GeoTransform t = target.transform();
    if (!Utilities.equalsIgnoreMetadata(src.crs(), target.crs())) {
      throw new IOException(source + ": CRS " + src.crsLabel() + " differs from the target's " + target.crsLabel()
          + "; aligned sampling needs one CRS (use reprojection)");
    }
    double ratioX = s.pixelWidth() / t.pixelWidth();
    double ratioY = s.pixelHeight() / t.pixelHeight();
    int k = (int) Math.round(ratioX);
    double offsetX = (t.originX() - s.originX()) / t.pixelWidth();
    double offsetY = (t.originY() - s.originY()) / t.pixelHeight();
    if (!s.isNorthUp() || !t.isNorthUp() || k < 1 || Math.abs(ratioX - k) > TOLERANCE || Math.abs(ratioY - k) > TOLERANCE
        || Math.abs(offsetX - Math.rint(offsetX)) > TOLERANCE || Math.abs(offsetY - Math.rint(offsetY)) > TOLERANCE) {
      throw new IOException(source + ": grid " + src + " is not aligned with target " + target
          + " at an integer resolution ratio; use reprojection");
    }
    int offCol = (int) Math.rint(offsetX);
    int offRow = (int) Math.rint(offsetY);
    int width = target.width();
    int height = target.height();
    // Source window needed: source pixels under the target, plus one for bilinear neighbours, clipped.
    int c0 = Math.max(0, Math.floorDiv(offCol, k) - 1);
    int r0 = Math.max(0, Math.floorDiv(offRow, k) - 1);
    int c1 = Math.min(src.width(), Math.floorDiv(offCol + width - 1, k) + 2);
    int r1 = Math.min(src.height(), Math.floorDiv(offRow + height - 1, k) + 2);
    float[] out = new float[width * height];
    Arrays.fill(out, Float.NaN);
    if (c0 >= c1 || r0 >= r1) {
      return out; // target entirely outside the source
    }
    int ww = c1 - c0;
    float[] values = source.read(new PixelWindow(c0, r0, ww, r1 - r0), band);
    if (source.nodata().isPresent()) {
      float nodata = (float) source.nodata().getAsDouble();
      for (int i = 0; i < values.length; i++) {
        if (values[i] == nodata) {
          values[i] = Float.NaN;
        }
      }
    }
    for (int row = 0; row < height; row++) {
      double v = (offRow + row + 0.5) / k;
      if (v < 0 || v >= src.height()) {
        continue;
      }
      for (int col = 0; col < width; col++) {
        double u = (offCol + col + 0.5) / k;
        if (u < 0 || u >= src.width()) {
          continue;
        }
        out[row * width + col] = categorical
            ? values[((int) v - r0) * ww + (int) u - c0]
            : bilinear(values, ww, c0, r0, c1, r1, u - 0.5, v - 0.5);
      }
    }
    return out;
  }

  private static float bilinear(float[] values, int ww, int c0, int r0, int c1, int r1, double x, double y) {
    int xi = (int) Math.floor(x);
    int yi = (int) Math.floor(y);
    double fx = x - xi;
    double fy = y - yi;
    int xa = clamp(xi, c0, c1 - 1) - c0;
    int xb = clamp(xi + 1, c0, c1 - 1) - c0;
    int ya = clamp(yi, r0, r1 - 1) - r0;
    int yb = clamp(yi + 1, r0, r1 - 1) - r0;
    double sum = 0;
    sum += weighted(values[ya * ww + xa], (1 - fx) * (1 - fy));
    sum += weighted(values[ya * ww + xb], fx * (1 - fy));
    sum += weighted(values[yb * ww + xa], (1 - fx) * fy);
    sum += weighted(values[yb * ww + xb], fx * fy);
    return (float) sum;
  }

  /** value × weight, where a zero weight ignores the value even when it is NaN. */
  private static double weighted(float value, double weight) {
    return weight == 0 ? 0 : value * weight;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}

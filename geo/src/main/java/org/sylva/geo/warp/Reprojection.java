package org.sylva.geo.warp;

import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;

/**
 * Reads a band of any raster source resampled onto a target grid, in any CRS Apache SIS can transform
 * (e.g. a 20 m EPSG:32630 band onto a 10 m grid, or an EPSG:4326 raster onto UTM 30N). Follows gdalwarp's
 * conventions so results agree with it: target pixel centres are mapped into the source; a target pixel
 * whose centre falls outside the source stays empty; NEAREST takes the source pixel containing the centre;
 * BILINEAR weights the four source pixels around it and renormalises over the valid ones; AVERAGE maps the
 * target pixel's top-left and bottom-right corners into the source and takes the mean of the valid source
 * pixels in that box, partially covered pixels weighing by their covered fraction.
 *
 * <p>Output: one float per target pixel, row-major, NaN where the source is nodata, NaN or outside. The
 * target is processed in chunks of at most 256×256 pixels, each reading only the source window it needs,
 * so memory stays bounded whatever the raster sizes. Thread-safe if the source is.
 */
public final class Reprojection {

  private static final int CHUNK = 256;
  /** Largest source window read at once (pixels); chunks needing more are split. */
  private static final long MAX_SOURCE_PIXELS = 16L << 20;

  private Reprojection() {}

  public static float[] read(RasterSource source, int band, GridGeometry target, Resampling method) throws IOException {
    if (band < 0 || band >= source.bandCount()) {
      throw new IllegalArgumentException("band index " + band + " is out of range: the source has " + source.bandCount() + " bands");
    }
    if (target.pixelCount() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("target grid " + target + " has more than 2^31 pixels; reproject it by windows");
    }
    PixelMapping mapping = PixelMapping.between(target, source.grid());
    float[] out = new float[(int) target.pixelCount()];
    Arrays.fill(out, Float.NaN);
    Job job = new Job(source, band, target, method, mapping, out);
    for (int row = 0; row < target.height(); row += CHUNK) {
      for (int col = 0; col < target.width(); col += CHUNK) {
        job.chunk(col, row, Math.min(CHUNK, target.width() - col), Math.min(CHUNK, target.height() - row));
      }
    }
    return out;
  }

  /** One reprojection: the source, the mapping and the output being filled. */
  private static final class Job {
    private final RasterSource source;
    private final int band;
    private final GridGeometry target;
    private final Resampling method;
    private final PixelMapping mapping;
    private final float[] out;
    private final int srcWidth;
    private final int srcHeight;
    private final boolean hasNodata;
    private final float nodata;

    Job(RasterSource source, int band, GridGeometry target, Resampling method, PixelMapping mapping, float[] out) {
      this.source = source;
      this.band = band;
      this.target = target;
      this.method = method;
      this.mapping = mapping;
      this.out = out;
      this.srcWidth = source.grid().width();
      this.srcHeight = source.grid().height();
      OptionalDouble nd = source.nodata();
      this.hasNodata = nd.isPresent();
      this.nodata = nd.isPresent() ? (float) nd.getAsDouble() : Float.NaN;
    }

    void chunk(int col0, int row0, int width, int height) throws IOException {
      boolean corners = method == Resampling.AVERAGE;
      int pw = corners ? width + 1 : width;
      int ph = corners ? height + 1 : height;
      double[] xs = new double[pw * ph];
      double[] ys = new double[pw * ph];
      mapping.positions(col0, row0, pw, ph, corners ? 0.0 : 0.5, xs, ys);
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < xs.length; p++) {
        if (!Double.isNaN(xs[p]) && !Double.isNaN(ys[p])) {
          minX = Math.min(minX, xs[p]);
          maxX = Math.max(maxX, xs[p]);
          minY = Math.min(minY, ys[p]);
          maxY = Math.max(maxY, ys[p]);
        }
      }
      // One pixel of margin for the bilinear neighbours and the corner rounding of AVERAGE.
      int c0 = (int) Math.max(0, Math.floor(minX) - 1);
      int r0 = (int) Math.max(0, Math.floor(minY) - 1);
      int c1 = (int) Math.min(srcWidth, Math.ceil(maxX) + 1);
      int r1 = (int) Math.min(srcHeight, Math.ceil(maxY) + 1);
      if (!(minX <= maxX) || c0 >= c1 || r0 >= r1) {
        return; // the chunk maps entirely outside the source
      }
      if ((long) (c1 - c0) * (r1 - r0) > MAX_SOURCE_PIXELS && (width > 1 || height > 1)) {
        int hw = Math.max(1, width / 2);
        int hh = Math.max(1, height / 2);
        chunk(col0, row0, hw, hh);
        if (width > hw) {
          chunk(col0 + hw, row0, width - hw, hh);
        }
        if (height > hh) {
          chunk(col0, row0 + hh, hw, height - hh);
          if (width > hw) {
            chunk(col0 + hw, row0 + hh, width - hw, height - hh);
          }
        }
        return;
      }
      Window src = new Window(source.read(new PixelWindow(c0, r0, c1 - c0, r1 - r0), band), c0, r0, c1 - c0, r1 - r0);
      // gdalwarp's AVERAGE ignores target pixels whose corners fall further outside the source than a margin
      // of 2·max(1, ⌈source pixels per target pixel⌉), estimated per chunk as GDAL does.
      double xMargin = 2 * Math.max(1, Math.ceil((maxX - minX) / width));
      double yMargin = 2 * Math.max(1, Math.ceil((maxY - minY) / height));
      // Target pixels per source pixel; below 0.95 gdalwarp widens the bilinear kernel (downsampling).
      double xScale = mapping.isAffine() ? mapping.xScale() : (corners ? width : width - 1) / Math.max(1e-12, maxX - minX);
      double yScale = mapping.isAffine() ? mapping.yScale() : (corners ? height : height - 1) / Math.max(1e-12, maxY - minY);
      boolean wide = xScale < 0.95 || yScale < 0.95;
      for (int j = 0; j < height; j++) {
        for (int i = 0; i < width; i++) {
          float v = switch (method) {
            case NEAREST -> nearest(src, xs[j * pw + i], ys[j * pw + i]);
            case BILINEAR -> wide ? bilinearWide(src, xs[j * pw + i], ys[j * pw + i], xScale, yScale)
                : bilinear(src, xs[j * pw + i], ys[j * pw + i]);
            case AVERAGE -> average(src, xs[j * pw + i], ys[j * pw + i], xs[(j + 1) * pw + i + 1], ys[(j + 1) * pw + i + 1],
                xMargin, yMargin);
          };
          out[(row0 + j) * target.width() + col0 + i] = v;
        }
      }
    }

    private boolean valid(float v) {
      return !Float.isNaN(v) && !(hasNodata && v == nodata);
    }

    /** Whether a target pixel centre at source position (x, y) lies inside the source raster. */
    private boolean inside(double x, double y) {
      return x >= 0 && y >= 0 && (int) (x + 1e-10) < srcWidth && (int) (y + 1e-10) < srcHeight;
    }

    private float nearest(Window src, double x, double y) {
      if (!inside(x, y)) {
        return Float.NaN;
      }
      float v = src.get((int) (x + 1e-10), (int) (y + 1e-10));
      return valid(v) ? v : Float.NaN;
    }

    /**
     * GDAL's 4-sample bilinear kernel, renormalised over valid neighbours. Like gdalwarp, a target pixel whose
     * centre falls on a nodata source pixel stays nodata.
     */
    private float bilinear(Window src, double x, double y) {
      if (!inside(x, y) || !valid(src.get((int) (x + 1e-10), (int) (y + 1e-10)))) {
        return Float.NaN;
      }
      int ix = (int) Math.floor(x - 0.5);
      int iy = (int) Math.floor(y - 0.5);
      double rx = 1.5 - (x - ix);
      double ry = 1.5 - (y - iy);
      if (ix == -1) {
        ix = 0;
        rx = 1;
      }
      if (iy == -1) {
        iy = 0;
        ry = 1;
      }
      double sum = 0;
      double divisor = 0;
      double[] wx = {rx, 1 - rx};
      double[] wy = {ry, 1 - ry};
      for (int dy = 0; dy < 2; dy++) {
        int sy = iy + dy;
        if (sy < 0 || sy >= srcHeight) {
          continue;
        }
        for (int dx = 0; dx < 2; dx++) {
          int sx = ix + dx;
          if (sx < 0 || sx >= srcWidth) {
            continue;
          }
          float v = src.get(sx, sy);
          if (valid(v)) {
            double w = wx[dx] * wy[dy];
            divisor += w;
            sum += v * w;
          }
        }
      }
      if (divisor < 1e-5) {
        return Float.NaN;
      }
      return (float) (divisor == 1.0 ? sum : sum / divisor);
    }

    /**
     * gdalwarp's bilinear when downsampling: a triangle filter stretched by 1/scale along each axis with
     * {@code scale < 1}, weighted over the valid pixels within its radius, summed line by line.
     */
    private float bilinearWide(Window src, double x, double y, double xScale, double yScale) {
      if (!inside(x, y) || !valid(src.get((int) (x + 1e-10), (int) (y + 1e-10)))) {
        return Float.NaN;
      }
      int ix = (int) Math.floor(x - 0.5);
      int iy = (int) Math.floor(y - 0.5);
      double dx = x - 0.5 - ix;
      double dy = y - 0.5 - iy;
      int xRadius = xScale < 1 ? (int) Math.ceil(1 / xScale) : 1;
      int yRadius = yScale < 1 ? (int) Math.ceil(1 / yScale) : 1;
      int iMin = Math.max(-xRadius, -ix);
      int iMax = Math.min(xRadius, srcWidth - ix - 1);
      int jMin = Math.max(-yRadius, -iy);
      int jMax = Math.min(yRadius, srcHeight - iy - 1);
      double total = 0;
      double totalWeight = 0;
      for (int j = jMin; j <= jMax; j++) {
        double wy = triangle((j - dy) * Math.min(1, yScale));
        double line = 0;
        double lineWeight = 0;
        for (int i = iMin; i <= iMax; i++) {
          float v = src.get(ix + i, iy + j);
          if (valid(v)) {
            double wx = triangle((i - dx) * Math.min(1, xScale));
            line += v * wx;
            lineWeight += wx;
          }
        }
        total += line * wy;
        totalWeight += lineWeight * wy;
      }
      if (totalWeight < 1e-6) {
        return Float.NaN;
      }
      return (float) (totalWeight < 0.99999 || totalWeight > 1.00001 ? total / totalWeight : total);
    }

    private static double triangle(double t) {
      double a = Math.abs(t);
      return a <= 1 ? 1 - a : 0;
    }

    /** GDAL's area-weighted average over the box spanned by the transformed top-left and bottom-right corners. */
    private float average(Window src, double xa, double ya, double xb, double yb, double xMargin, double yMargin) {
      if (Double.isNaN(xa) || Double.isNaN(ya) || Double.isNaN(xb) || Double.isNaN(yb)
          || xa < -xMargin || xb < -xMargin || ya < -yMargin || yb < -yMargin
          || xa > srcWidth + xMargin || xb > srcWidth + xMargin || ya > srcHeight + yMargin || yb > srcHeight + yMargin) {
        return Float.NaN;
      }
      double xMin = Math.min(xa, xb);
      double xMax = Math.max(xa, xb);
      double yMin = Math.min(ya, yb);
      double yMax = Math.max(ya, yb);
      int c0 = Math.max((int) Math.floor(xMin + 1e-10), 0);
      int c1 = Math.min((int) Math.ceil(xMax - 1e-10), srcWidth);
      int r0 = Math.max((int) Math.floor(yMin + 1e-10), 0);
      int r1 = Math.min((int) Math.ceil(yMax - 1e-10), srcHeight);
      if (c0 == c1 && c1 < srcWidth) {
        c1++;
      }
      if (r0 == r1 && r1 < srcHeight) {
        r1++;
      }
      double total = 0;
      double weight = 0;
      for (int r = r0; r < r1; r++) {
        double wy = r == r0 ? (r0 + 1 == r1 ? 1.0 : 1 - (yMin - r0)) : r + 1 == r1 ? 1 - (r1 - yMax) : 1.0;
        for (int c = c0; c < c1; c++) {
          float v = src.get(c, r);
          if (valid(v)) {
            double w = c == c0 ? (c0 + 1 == c1 ? wy : wy * (1 - (xMin - c0))) : c + 1 == c1 ? wy * (1 - (c1 - xMax)) : wy;
            weight += w;
            total += v * w;
          }
        }
      }
      return weight > 0 ? (float) (total / weight) : Float.NaN;
    }
  }

  /** A source window in memory, addressed in full-source pixel coordinates. */
  private record Window(float[] samples, int col0, int row0, int width, int height) {
    float get(int col, int row) {
      int c = col - col0;
      int r = row - row0;
      if (c < 0 || r < 0 || c >= width || r >= height) {
        return Float.NaN; // outside what the chunk needed (cannot happen for in-bounds kernels)
      }
      return samples[r * width + c];
    }
  }
}

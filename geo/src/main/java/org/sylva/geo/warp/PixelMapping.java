package org.sylva.geo.warp;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.LinearTransform;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

/**
 * Where target pixels fall in the source raster: the chain target pixel → target CRS → source CRS → source
 * pixel, built by Apache SIS ({@code CRS.findOperation}). Pixel coordinates are continuous, pixel (i, j)
 * covering [i, i+1) × [j, j+1), as in GDAL.
 *
 * <p>Affine chains (same CRS) are evaluated exactly. Others are evaluated exactly on a regular lattice of
 * points (every 32 pixels) and interpolated with cubic Lagrange polynomials in between; the lattice is
 * refined until the interpolation error measured at every cell centre is below {@link #TOLERANCE_PIXELS}.
 * A SIS projection costs ~1.7 µs per point, so transforming every pixel of a Sentinel-2 tile would take
 * minutes; the lattice transforms ~0.2 % of the points. (gdalwarp approximates too, linearly along
 * scanlines, with a 0.125-pixel default error.)
 */
final class PixelMapping {

  /** Largest accepted interpolation error of source positions, in source pixels. */
  static final double TOLERANCE_PIXELS = 1e-6;
  private static final int INITIAL_STEP = 32;
  private static final int SMALLEST_STEP = 4;

  private final MathTransform transform;
  private final double[] affine;

  private PixelMapping(MathTransform transform) {
    this.transform = transform;
    if (transform instanceof LinearTransform linear) {
      var m = linear.getMatrix();
      affine = new double[] {m.getElement(0, 0), m.getElement(0, 1), m.getElement(0, 2),
          m.getElement(1, 0), m.getElement(1, 1), m.getElement(1, 2)};
    } else {
      affine = null;
    }
  }

  /** The mapping from {@code target} pixel coordinates to {@code source} pixel coordinates. */
  static PixelMapping between(GridGeometry target, GridGeometry source) {
    try {
      MathTransform toTargetCrs = MathTransforms.linear(matrix(target.transform()));
      MathTransform fromSourceCrs = MathTransforms.linear(matrix(source.transform())).inverse();
      MathTransform crsChange;
      if (Utilities.equalsIgnoreMetadata(target.crs(), source.crs())) {
        crsChange = MathTransforms.identity(2);
      } else {
        crsChange = CRS.findOperation(Crs.gisOrder(target.crs()), Crs.gisOrder(source.crs()), null).getMathTransform();
      }
      return new PixelMapping(MathTransforms.concatenate(toTargetCrs, crsChange, fromSourceCrs));
    } catch (FactoryException | TransformException e) {
      throw new IllegalArgumentException("no transformation from " + target.crsLabel() + " to " + source.crsLabel()
          + ": " + e.getMessage(), e);
    }
  }

  boolean isAffine() {
    return affine != null;
  }

  /** Target pixels per source pixel along x for an affine mapping (the inverse of its x stretch). */
  double xScale() {
    return 1 / Math.hypot(affine[0], affine[3]);
  }

  /** Target pixels per source pixel along y for an affine mapping. */
  double yScale() {
    return 1 / Math.hypot(affine[1], affine[4]);
  }

  /**
   * Source positions of the target points (col0 + i + offset, row0 + j + offset), i < width, j < height,
   * row-major into {@code xs}/{@code ys}; NaN where the point cannot be transformed.
   */
  void positions(int col0, int row0, int width, int height, double offset, double[] xs, double[] ys) {
    if (affine != null) {
      for (int j = 0; j < height; j++) {
        double r = row0 + j + offset;
        for (int i = 0; i < width; i++) {
          double c = col0 + i + offset;
          xs[j * width + i] = affine[0] * c + affine[1] * r + affine[2];
          ys[j * width + i] = affine[3] * c + affine[4] * r + affine[5];
        }
      }
      return;
    }
    for (int step = INITIAL_STEP; step >= SMALLEST_STEP; step /= 2) {
      if (Math.max(width, height) > step && lattice(col0, row0, width, height, offset, step, xs, ys)) {
        return;
      }
    }
    exact(col0, row0, width, height, offset, xs, ys);
  }

  /**
   * Interpolates from a lattice with nodes every {@code step} pixels, plus one node beyond each edge so every
   * pixel has a centred 4×4 stencil. Returns false if the error at a cell centre exceeds the tolerance.
   */
  private boolean lattice(int col0, int row0, int width, int height, double offset, int step, double[] xs, double[] ys) {
    int kx = Math.max(1, (width - 1 + step - 1) / step);
    int ky = Math.max(1, (height - 1 + step - 1) / step);
    int nx = kx + 3;
    int ny = ky + 3;
    double[] nodes = new double[2 * nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        nodes[2 * (j * nx + i)] = col0 + (i - 1) * step + offset;
        nodes[2 * (j * nx + i) + 1] = row0 + (j - 1) * step + offset;
      }
    }
    transform(nodes);
    double[] centres = new double[2 * kx * ky];
    for (int j = 0; j < ky; j++) {
      for (int i = 0; i < kx; i++) {
        centres[2 * (j * kx + i)] = col0 + (i + 0.5) * step + offset;
        centres[2 * (j * kx + i) + 1] = row0 + (j + 0.5) * step + offset;
      }
    }
    transform(centres);
    double[] w = new double[4];
    double[] v = new double[4];
    lagrange(0.5, w);
    for (int j = 0; j < ky; j++) {
      for (int i = 0; i < kx; i++) {
        for (int d = 0; d < 2; d++) {
          double guess = interpolate(nodes, nx, i, j, w, w, d);
          double exact = centres[2 * (j * kx + i) + d];
          if (!(Math.abs(guess - exact) <= TOLERANCE_PIXELS)) {
            return false; // too coarse, or the lattice touches points SIS cannot transform
          }
        }
      }
    }
    double[][] wx = weights(width, step);
    double[][] wy = weights(height, step);
    for (int j = 0; j < height; j++) {
      int cj = Math.min(j / step, ky - 1);
      for (int i = 0; i < width; i++) {
        int ci = Math.min(i / step, kx - 1);
        xs[j * width + i] = interpolate(nodes, nx, ci, cj, wx[i], wy[j], 0);
        ys[j * width + i] = interpolate(nodes, nx, ci, cj, wx[i], wy[j], 1);
      }
    }
    return true;
  }

  /** Cubic interpolation in cell (ci, cj) whose stencil is nodes ci..ci+3, cj..cj+3 (shifted by the outer node). */
  private static double interpolate(double[] nodes, int nx, int ci, int cj, double[] wx, double[] wy, int d) {
    double sum = 0;
    for (int b = 0; b < 4; b++) {
      int row = (cj + b) * nx + ci;
      double line = wx[0] * nodes[2 * row + d] + wx[1] * nodes[2 * (row + 1) + d]
          + wx[2] * nodes[2 * (row + 2) + d] + wx[3] * nodes[2 * (row + 3) + d];
      sum += wy[b] * line;
    }
    return sum;
  }

  /** Lagrange weights per pixel of an axis: pixel p lies in cell min(p / step, k-1) at fraction t. */
  private static double[][] weights(int size, int step) {
    int k = Math.max(1, (size - 1 + step - 1) / step);
    double[][] w = new double[size][4];
    for (int p = 0; p < size; p++) {
      int cell = Math.min(p / step, k - 1);
      lagrange((p - cell * (double) step) / step, w[p]);
    }
    return w;
  }

  /** Weights of the cubic through nodes at -1, 0, 1, 2 evaluated at t. */
  private static void lagrange(double t, double[] w) {
    w[0] = -t * (t - 1) * (t - 2) / 6;
    w[1] = (t + 1) * (t - 1) * (t - 2) / 2;
    w[2] = -(t + 1) * t * (t - 2) / 2;
    w[3] = (t + 1) * t * (t - 1) / 6;
  }

  private void exact(int col0, int row0, int width, int height, double offset, double[] xs, double[] ys) {
    double[] pts = new double[2 * width * height];
    for (int j = 0; j < height; j++) {
      for (int i = 0; i < width; i++) {
        pts[2 * (j * width + i)] = col0 + i + offset;
        pts[2 * (j * width + i) + 1] = row0 + j + offset;
      }
    }
    transform(pts);
    for (int p = 0; p < width * height; p++) {
      xs[p] = pts[2 * p];
      ys[p] = pts[2 * p + 1];
    }
  }

  /** Transforms packed (x, y) points in place; points that fail become NaN. */
  private void transform(double[] pts) {
    double[] original = pts.clone();
    try {
      transform.transform(pts, 0, pts, 0, pts.length / 2);
    } catch (TransformException e) {
      double[] one = new double[2];
      for (int p = 0; p < pts.length; p += 2) {
        one[0] = original[p];
        one[1] = original[p + 1];
        try {
          transform.transform(one, 0, one, 0, 1);
          pts[p] = one[0];
          pts[p + 1] = one[1];
        } catch (TransformException failed) {
          pts[p] = Double.NaN;
          pts[p + 1] = Double.NaN;
        }
      }
    }
  }

  private static Matrix3 matrix(GeoTransform t) {
    return new Matrix3(t.pixelWidth(), t.rowRotation(), t.originX(), t.colRotation(), t.pixelHeight(), t.originY(), 0, 0, 1);
  }
}

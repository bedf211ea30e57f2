package org.sylva.geo.gedi;

import java.util.Arrays;
import javax.measure.Unit;
import org.apache.sis.measure.Units;
import org.opengis.referencing.cs.CoordinateSystem;
import org.sylva.geo.raster.GridGeometry;

/**
 * Burns footprint heights into a sparse target raster on a grid (10 m for Sylva). Two footprint shapes:
 * {@link Shape#CENTRE_PIXEL} marks the one pixel containing the footprint centre; {@link Shape#DISC} marks
 * every pixel whose centre lies within the footprint radius (12.5 m for GEDI's ~25 m footprint, ~5 pixels
 * at 10 m). Where several footprints hit a pixel the value is their <b>mean</b> (overlapping tracks measure
 * the same canopy, so averaging reduces noise without favouring either shot); {@link Result#counts()} says
 * how many contributed. Pixels with no footprint are NaN. The grid must be north-up in a CRS with metre
 * axes, and footprints must carry x/y in that CRS.
 */
public final class FootprintRasterizer {

  /** GEDI footprint diameter in metres (L2A: ~25 m). */
  public static final double GEDI_FOOTPRINT_DIAMETER_METRES = 25.0;

  /** How much of the grid a footprint marks. */
  public enum Shape {
    CENTRE_PIXEL,
    DISC
  }

  /** The rasterized mean heights (NaN where no footprint) and the number of footprints per pixel. */
  public record Result(GridGeometry grid, float[] values, int[] counts) {
    public long hitPixels() {
      return Arrays.stream(counts).filter(c -> c > 0).count();
    }
  }

  private final Shape shape;
  private final GediHeightMetric metric;
  private final double radiusMetres;

  public FootprintRasterizer(Shape shape, GediHeightMetric metric) {
    this(shape, metric, GEDI_FOOTPRINT_DIAMETER_METRES / 2);
  }

  public FootprintRasterizer(Shape shape, GediHeightMetric metric, double radiusMetres) {
    if (!(radiusMetres > 0)) {
      throw new IllegalArgumentException("footprint radius must be positive, got " + radiusMetres);
    }
    this.shape = shape;
    this.metric = metric;
    this.radiusMetres = radiusMetres;
  }

  public Result rasterize(Iterable<GediFootprint> footprints, GridGeometry grid) {
    requireMetreGrid(grid);
    int width = grid.width();
    int height = grid.height();
    double[] sums = new double[width * height];
    int[] counts = new int[width * height];
    var t = grid.transform();
    double pixelW = t.pixelWidth();
    double pixelH = -t.pixelHeight();
    for (GediFootprint f : footprints) {
      double value = f.height(metric);
      if (!Double.isFinite(value)) {
        continue;
      }
      double col = t.col(f.x(), f.y());
      double row = t.row(f.x(), f.y());
      if (shape == Shape.CENTRE_PIXEL) {
        add(sums, counts, width, height, (int) Math.floor(col), (int) Math.floor(row), value);
        continue;
      }
      int c0 = (int) Math.floor(col - radiusMetres / pixelW);
      int c1 = (int) Math.floor(col + radiusMetres / pixelW);
      int r0 = (int) Math.floor(row - radiusMetres / pixelH);
      int r1 = (int) Math.floor(row + radiusMetres / pixelH);
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          double dx = (c + 0.5 - col) * pixelW;
          double dy = (r + 0.5 - row) * pixelH;
          if (dx * dx + dy * dy <= radiusMetres * radiusMetres) {
            add(sums, counts, width, height, c, r, value);
          }
        }
      }
    }
    float[] values = new float[sums.length];
    for (int i = 0; i < sums.length; i++) {
      values[i] = counts[i] == 0 ? Float.NaN : (float) (sums[i] / counts[i]);
    }
    return new Result(grid, values, counts);
  }

  private static void add(double[] sums, int[] counts, int width, int height, int col, int row, double value) {
    if (col >= 0 && row >= 0 && col < width && row < height) {
      sums[row * width + col] += value;
      counts[row * width + col]++;
    }
  }

  /** Refuses grids that are not north-up in a CRS with metre axes (UTM), which metric discs need. */
  public static void requireMetreGrid(GridGeometry grid) {
    if (!grid.transform().isNorthUp()) {
      throw new IllegalArgumentException("footprint rasterization needs a north-up grid, got " + grid);
    }
    CoordinateSystem cs = grid.crs().getCoordinateSystem();
    for (int i = 0; i < cs.getDimension(); i++) {
      Unit<?> unit = cs.getAxis(i).getUnit();
      if (!Units.METRE.equals(unit)) {
        throw new IllegalArgumentException("footprint rasterization needs a projected CRS in metres (e.g. UTM), got "
            + grid.crsLabel() + " with axis unit " + unit);
      }
    }
  }
}

package org.sylva.geo.raster;

import java.io.Serializable;
import java.util.Objects;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Where a raster's pixels are: its CRS, the affine pixel-to-map transform and its size in pixels. Immutable.
 * A window of a grid is a grid too ({@link #window(PixelWindow)}), so code that works on a whole raster
 * works on a tile unchanged. Two grids are equal when their transforms and sizes are equal and their CRSs
 * are equal ignoring metadata (so an EPSG:32630 read from a file equals one built from the code).
 */
public record GridGeometry(CoordinateReferenceSystem crs, GeoTransform transform, int width, int height)
    implements Serializable {

  public GridGeometry {
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(transform, "transform");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("grid size must be positive, got " + width + "x" + height);
    }
  }

  public long pixelCount() {
    return (long) width * height;
  }

  public PixelWindow fullWindow() {
    return PixelWindow.full(width, height);
  }

  /** The sub-grid covering {@code window}; the window must fit inside this grid. */
  public GridGeometry window(PixelWindow window) {
    if (!window.fitsIn(width, height)) {
      throw new IllegalArgumentException(window + " is outside the " + width + "x" + height + " grid");
    }
    return new GridGeometry(crs, transform.shifted(window.col(), window.row()), window.width(), window.height());
  }

  /** Map bounds as {@code [minX, minY, maxX, maxY]} in the grid's CRS (all four corners considered). */
  public double[] bounds() {
    double[] xs = {transform.mapX(0, 0), transform.mapX(width, 0), transform.mapX(0, height), transform.mapX(width, height)};
    double[] ys = {transform.mapY(0, 0), transform.mapY(width, 0), transform.mapY(0, height), transform.mapY(width, height)};
    return new double[] {min(xs), min(ys), max(xs), max(ys)};
  }

  /** "EPSG:32630" when the CRS has an EPSG identifier, else its name. */
  public String crsLabel() {
    String code = IdentifiedObjects.getIdentifierOrName(crs);
    return code == null ? "unknown CRS" : code;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GridGeometry g
        && width == g.width && height == g.height
        && transform.equals(g.transform)
        && Utilities.equalsIgnoreMetadata(crs, g.crs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transform, width, height);
  }

  @Override
  public String toString() {
    return "GridGeometry[" + crsLabel() + ", " + width + "x" + height + ", " + transform + "]";
  }

  private static double min(double[] v) {
    double m = v[0];
    for (double d : v) m = Math.min(m, d);
    return m;
  }

  private static double max(double[] v) {
    double m = v[0];
    for (double d : v) m = Math.max(m, d);
    return m;
  }
}

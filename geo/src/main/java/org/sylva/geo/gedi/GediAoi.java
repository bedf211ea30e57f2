package org.sylva.geo.gedi;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** An area of interest in the target CRS (map units, e.g. UTM metres). Implementations are thread-safe. */
@FunctionalInterface
public interface GediAoi {

  boolean contains(double x, double y);

  /** The rectangle {@code [minX, maxX) × [minY, maxY)}; half-open so adjacent tiles never share a point. */
  static GediAoi bounds(double minX, double minY, double maxX, double maxY) {
    if (!(minX < maxX && minY < maxY)) {
      throw new IllegalArgumentException("empty AOI bounds [" + minX + ", " + minY + ", " + maxX + ", " + maxY + "]");
    }
    return (x, y) -> x >= minX && x < maxX && y >= minY && y < maxY;
  }

  /** A JTS polygon (or multipolygon) in target-CRS coordinates; points on the boundary count as inside. */
  static GediAoi polygon(Geometry polygon) {
    if (polygon.getDimension() != 2) {
      throw new IllegalArgumentException("AOI must be a polygon, got " + polygon.getGeometryType());
    }
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(polygon);
    GeometryFactory factory = polygon.getFactory();
    return (x, y) -> prepared.covers(factory.createPoint(new Coordinate(x, y)));
  }
}

package org.sylva.geo.ingest;

import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.sentinel2.Sentinel2Scene;

/** The target grid of a request, and where sources fall on it. */
final class TargetGrids {

  /** Points per edge when transforming a grid's outline into another CRS (edges curve under reprojection). */
  private static final int EDGE_POINTS = 16;

  private TargetGrids() {}

  /** The request's grid (given, from its AOI, or from the Sentinel-2 scenes); fatal if it is unusable. */
  static GridGeometry resolve(IngestRequest request, List<Sentinel2Scene> scenes) throws IngestException {
    GridGeometry grid;
    if (request.targetGrid().isPresent()) {
      grid = request.targetGrid().get();
    } else if (request.aoi().isPresent()) {
      AreaOfInterest aoi = request.aoi().get();
      grid = snapped(aoi.crs(), new double[] {aoi.minX(), aoi.minY(), aoi.maxX(), aoi.maxY()}, 0, 0, request.resolution());
    } else {
      grid = fromScenes(scenes, request.resolution());
    }
    try {
      FootprintRasterizer.requireMetreGrid(grid);
    } catch (IllegalArgumentException e) {
      throw new IngestException("target grid " + grid + ": " + e.getMessage(), e);
    }
    return grid;
  }

  /** The lattice of the first scene's finest band, over the union of all scenes' footprints. */
  private static GridGeometry fromScenes(List<Sentinel2Scene> scenes, double resolution) throws IngestException {
    if (scenes.isEmpty()) {
      throw new IngestException("no usable Sentinel-2 item to derive the target grid from");
    }
    GridGeometry reference = null;
    for (RasterSource band : scenes.get(0).bands().values()) {
      if (reference == null || band.grid().transform().pixelWidth() < reference.transform().pixelWidth()) {
        reference = band.grid();
      }
    }
    double[] union = null;
    for (Sentinel2Scene scene : scenes) {
      double[] b = boundsIn(scene.scl().grid(), reference.crs(), scene.id());
      union = union == null ? b : new double[] {Math.min(union[0], b[0]), Math.min(union[1], b[1]),
          Math.max(union[2], b[2]), Math.max(union[3], b[3])};
    }
    GeoTransform t = reference.transform();
    return snapped(reference.crs(), union, t.originX(), t.originY(), resolution);
  }

  /** A north-up grid covering {@code bounds} whose pixel edges lie on the lattice through (originX, originY). */
  static GridGeometry snapped(CoordinateReferenceSystem crs, double[] bounds, double originX, double originY,
      double resolution) {
    double eps = 1e-6;
    double minX = originX + Math.floor((bounds[0] - originX) / resolution + eps) * resolution;
    double maxX = originX + Math.ceil((bounds[2] - originX) / resolution - eps) * resolution;
    double maxY = originY - Math.floor((originY - bounds[3]) / resolution + eps) * resolution;
    double minY = originY - Math.ceil((originY - bounds[1]) / resolution - eps) * resolution;
    int width = (int) Math.round((maxX - minX) / resolution);
    int height = (int) Math.round((maxY - minY) / resolution);
    return new GridGeometry(crs, GeoTransform.northUp(minX, maxY, resolution, resolution), width, height);
  }

  /** Whether a source's footprint intersects the grid; fatal when its CRS cannot be transformed to the grid's. */
  static boolean overlaps(GridGeometry target, RasterSource source, String id) throws IngestException {
    double[] s = boundsIn(source.grid(), target.crs(), id + " (" + source + ")");
    double[] t = target.bounds();
    return s[0] < t[2] && s[2] > t[0] && s[1] < t[3] && s[3] > t[1];
  }

  /** [minX, minY, maxX, maxY] of a grid's outline in another CRS. */
  static double[] boundsIn(GridGeometry grid, CoordinateReferenceSystem crs, String what) throws IngestException {
    if (Utilities.equalsIgnoreMetadata(grid.crs(), crs)) {
      return grid.bounds();
    }
    double[] points = new double[2 * 4 * EDGE_POINTS];
    int n = 0;
    for (int edge = 0; edge < 4; edge++) {
      for (int i = 0; i < EDGE_POINTS; i++) {
        double f = (double) i / EDGE_POINTS;
        double col = switch (edge) {
          case 0 -> f * grid.width();
          case 1 -> grid.width();
          case 2 -> (1 - f) * grid.width();
          default -> 0;
        };
        double row = switch (edge) {
          case 0 -> 0;
          case 1 -> f * grid.height();
          case 2 -> grid.height();
          default -> (1 - f) * grid.height();
        };
        points[n++] = grid.transform().mapX(col, row);
        points[n++] = grid.transform().mapY(col, row);
      }
    }
    try {
      MathTransform transform = CRS.findOperation(Crs.gisOrder(grid.crs()), Crs.gisOrder(crs), null).getMathTransform();
      transform.transform(points, 0, points, 0, points.length / 2);
    } catch (FactoryException | TransformException | RuntimeException e) {
      throw new IngestException(what + ": its CRS " + grid.crsLabel() + " cannot be transformed to the target CRS "
          + Crs.label(crs) + " (" + SceneCatalog.oneLine(e) + ")", e);
    }
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < points.length; i += 2) {
      if (!Double.isFinite(points[i]) || !Double.isFinite(points[i + 1])) {
        throw new IngestException(what + ": its outline in " + grid.crsLabel() + " has no position in the target CRS "
            + Crs.label(crs));
      }
      b[0] = Math.min(b[0], points[i]);
      b[1] = Math.min(b[1], points[i + 1]);
      b[2] = Math.max(b[2], points[i]);
      b[3] = Math.max(b[3], points[i + 1]);
    }
    return b;
  }
}

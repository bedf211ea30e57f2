package org.sylva.geo.stac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

/**
 * Builds STAC 1.0 documents (Catalog, Collection, Item skeletons) as Jackson trees and writes them as
 * indented JSON, atomically. Field order is insertion order, so equal inputs give byte-identical files.
 * Hrefs are whatever the caller passes: relative hrefs keep a catalog movable.
 */
public final class StacWriter {

  public static final String STAC_VERSION = "1.0.0";
  public static final String COG_MEDIA_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized";
  public static final String JSON_MEDIA_TYPE = "application/json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StacWriter() {}

  public static ObjectNode catalog(String id, String description) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "Catalog");
    node.put("stac_version", STAC_VERSION);
    node.put("id", id);
    node.put("description", description);
    node.putArray("links");
    return node;
  }

  /** A collection with a spatial extent (lon/lat bbox) and a temporal extent {@code [start, end]} (ISO strings). */
  public static ObjectNode collection(String id, String description, String license, double[] bbox, String start,
      String end) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "Collection");
    node.put("stac_version", STAC_VERSION);
    node.put("id", id);
    node.put("description", description);
    node.put("license", license);
    ObjectNode extent = node.putObject("extent");
    ArrayNode box = extent.putObject("spatial").putArray("bbox").addArray();
    for (double v : bbox) {
      box.add(v);
    }
    extent.putObject("temporal").putArray("interval").addArray().add(start).add(end);
    node.putArray("links");
    return node;
  }

  /** An item with its id, collection, lon/lat footprint of {@code grid} and empty properties and assets. */
  public static ObjectNode item(String id, String collection, GridGeometry grid, List<String> extensions) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "Feature");
    node.put("stac_version", STAC_VERSION);
    ArrayNode ext = node.putArray("stac_extensions");
    extensions.forEach(ext::add);
    node.put("id", id);
    node.put("collection", collection);
    double[][] corners = lonLatCorners(grid);
    ArrayNode bbox = node.putArray("bbox");
    double[] box = bbox(corners);
    for (double v : box) {
      bbox.add(v);
    }
    ObjectNode geometry = node.putObject("geometry");
    geometry.put("type", "Polygon");
    ArrayNode ring = geometry.putArray("coordinates").addArray();
    for (int i : new int[] {0, 1, 2, 3, 0}) {
      ring.addArray().add(round(corners[i][0])).add(round(corners[i][1]));
    }
    node.putObject("properties");
    node.putArray("links");
    node.putObject("assets");
    return node;
  }

  /** Appends {@code {"rel": rel, "href": href, "type": type}} to a document's links. */
  public static void link(ObjectNode document, String rel, String href, String type) {
    ObjectNode link = ((ArrayNode) document.get("links")).addObject();
    link.put("rel", rel);
    link.put("href", href);
    link.put("type", type);
  }

  /** A Cloud-Optimized GeoTIFF asset with projection fields ({@code proj:shape}, {@code proj:transform}) of its grid. */
  public static ObjectNode cogAsset(ObjectNode item, String key, String href, String title, GridGeometry grid) {
    ObjectNode asset = ((ObjectNode) item.get("assets")).putObject(key);
    asset.put("href", href);
    asset.put("type", COG_MEDIA_TYPE);
    asset.put("title", title);
    asset.putArray("roles").add("data");
    GeoTransform t = grid.transform();
    asset.put("gsd", t.pixelWidth());
    asset.putArray("proj:shape").add(grid.height()).add(grid.width());
    asset.putArray("proj:transform").add(t.pixelWidth()).add(t.rowRotation()).add(t.originX())
        .add(t.colRotation()).add(t.pixelHeight()).add(t.originY());
    return asset;
  }

  /** [minLon, minLat, maxLon, maxLat] of a grid's corners. */
  public static double[] lonLatBounds(GridGeometry grid) {
    return bbox(lonLatCorners(grid));
  }

  public static void write(Path file, ObjectNode document) throws IOException {
    AtomicOutput.writeString(file, JSON.writeValueAsString(document) + "\n");
  }

  /** Corners (upper-left, upper-right, lower-right, lower-left) as longitude/latitude in WGS84. */
  private static double[][] lonLatCorners(GridGeometry grid) {
    GeoTransform t = grid.transform();
    double[] pixels = {0, 0, grid.width(), 0, grid.width(), grid.height(), 0, grid.height()};
    double[] map = new double[8];
    for (int i = 0; i < 4; i++) {
      map[2 * i] = t.mapX(pixels[2 * i], pixels[2 * i + 1]);
      map[2 * i + 1] = t.mapY(pixels[2 * i], pixels[2 * i + 1]);
    }
    try {
      MathTransform toLonLat = CRS.findOperation(Crs.gisOrder(grid.crs()), CommonCRS.WGS84.normalizedGeographic(), null)
          .getMathTransform();
      toLonLat.transform(map, 0, map, 0, 4);
    } catch (FactoryException | TransformException e) {
      throw new IllegalArgumentException("cannot express " + grid + " in longitude/latitude: " + e.getMessage(), e);
    }
    double[][] corners = new double[4][];
    for (int i = 0; i < 4; i++) {
      corners[i] = new double[] {map[2 * i], map[2 * i + 1]};
    }
    return corners;
  }

  private static double[] bbox(double[][] corners) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] c : corners) {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    }
    for (int i = 0; i < 4; i++) {
      box[i] = round(box[i]);
    }
    return box;
  }

  /** Seven decimals of a degree (~1 cm): enough for footprints, stable text. */
  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}

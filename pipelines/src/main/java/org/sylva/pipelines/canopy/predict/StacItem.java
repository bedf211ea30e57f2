package org.sylva.pipelines.canopy.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.apache.sis.geometry.Envelopes;
import org.apache.sis.geometry.GeneralEnvelope;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.geometry.Envelope;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.util.FactoryException;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.models.io.AtomicFiles;

/**
 * The STAC Item (1.0.0, projection v1.1 and raster v1.1 extensions) describing a canopy-height map: WGS84
 * {@code bbox} and footprint {@code geometry} computed with Apache SIS (the bbox contains the whole curved
 * image of the UTM rectangle), {@code proj:epsg/shape/transform/bbox} in the map's CRS, the composite period
 * as {@code start_datetime}/{@code end_datetime}, and assets with roles: the COG ({@code data}, with
 * {@code raster:bands} giving data type, nodata, unit, scale and resolution), the quick-look ({@code overview}),
 * the report and metrics ({@code metadata}). Hrefs are relative to the item. No creation time is recorded, so
 * the same map gives the same bytes.
 */
public final class StacItem {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StacItem() {}

  /** What the item says about the map, besides its grid. */
  public record Description(String id, String title, String description, String start, String end, MapFormat format,
      boolean uncertaintyBand, String variant, String target, String mapFile, String quicklookFile, String reportFile,
      String metricsFile) {}

  public static ObjectNode build(GridGeometry grid, Description d) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode item = f.objectNode();
    item.put("type", "Feature");
    item.put("stac_version", "1.0.0");
    ArrayNode extensions = item.putArray("stac_extensions");
    extensions.add("https://stac-extensions.github.io/projection/v1.1.0/schema.json");
    extensions.add("https://stac-extensions.github.io/raster/v1.1.0/schema.json");
    item.put("id", d.id());

    double[] lonLat = lonLatCorners(grid);
    ObjectNode geometry = item.putObject("geometry");
    geometry.put("type", "Polygon");
    ArrayNode ring = geometry.putArray("coordinates").addArray();
    for (int i = 0; i <= 4; i++) {
      int k = i % 4;
      ring.addArray().add(round(lonLat[2 * k])).add(round(lonLat[2 * k + 1]));
    }
    double[] bbox = lonLatBox(grid);
    ArrayNode box = item.putArray("bbox");
    for (double v : bbox) {
      box.add(round(v));
    }

    ObjectNode properties = item.putObject("properties");
    properties.put("title", d.title());
    properties.put("description", d.description());
    properties.putNull("datetime");
    properties.put("start_datetime", d.start());
    properties.put("end_datetime", d.end());
    OptionalInt epsg = Crs.epsgCode(grid.crs());
    if (epsg.isPresent()) {
      properties.put("proj:epsg", epsg.getAsInt());
    } else {
      properties.putNull("proj:epsg");
      properties.put("proj:wkt2", grid.crs().toWKT());
    }
    properties.putArray("proj:shape").add(grid.height()).add(grid.width());
    var t = grid.transform();
    properties.putArray("proj:transform").add(t.pixelWidth()).add(t.rowRotation()).add(t.originX())
        .add(t.colRotation()).add(t.pixelHeight()).add(t.originY());
    ArrayNode projBbox = properties.putArray("proj:bbox");
    for (double v : grid.bounds()) {
      projBbox.add(v);
    }
    properties.put("gsd", Math.abs(t.pixelWidth()));
    properties.put("sylva:variant", d.variant());
    properties.put("sylva:target", d.target());

    ObjectNode assets = item.putObject("assets");
    ObjectNode data = assets.putObject("canopy_height");
    data.put("href", "./" + d.mapFile());
    data.put("type", "image/tiff; application=geotiff; profile=cloud-optimized");
    data.put("title", "Canopy height (m), 10 m grid");
    data.putArray("roles").add("data");
    ArrayNode bands = data.putArray("raster:bands");
    band(bands.addObject(), "canopy_height", d.format(), Math.abs(t.pixelWidth()));
    if (d.uncertaintyBand()) {
      band(bands.addObject(), "canopy_height_sd", d.format(), Math.abs(t.pixelWidth()));
    }
    asset(assets, "overview", d.quicklookFile(), "image/png", "Quick-look with colour bar", "overview");
    asset(assets, "report", d.reportFile(), "text/markdown", "Run report", "metadata");
    asset(assets, "metrics", d.metricsFile(), "application/json", "Accuracy metrics", "metadata");
    item.putArray("links");
    return item;
  }

  public static void write(Path file, GridGeometry grid, Description d) throws IOException {
    AtomicFiles.writeString(file, JSON.writeValueAsString(build(grid, d)) + "\n");
  }

  private static void band(ObjectNode band, String name, MapFormat format, double resolution) {
    band.put("name", name);
    band.put("data_type", format == MapFormat.FLOAT32 ? "float32" : "uint16");
    if (Double.isNaN(format.nodata())) {
      band.put("nodata", "nan");
    } else {
      band.put("nodata", format.nodata());
    }
    band.put("unit", "m");
    band.put("scale", format.scale());
    band.put("offset", 0.0);
    band.put("spatial_resolution", resolution);
  }

  private static void asset(ObjectNode assets, String key, String href, String type, String title, String role) {
    ObjectNode a = assets.putObject(key);
    a.put("href", "./" + href);
    a.put("type", type);
    a.put("title", title);
    a.putArray("roles").add(role);
  }

  /** The grid's four corners (upper-left, upper-right, lower-right, lower-left) as lon, lat pairs. */
  static double[] lonLatCorners(GridGeometry grid) throws IOException {
    var t = grid.transform();
    double[] corners = {t.mapX(0, 0), t.mapY(0, 0), t.mapX(grid.width(), 0), t.mapY(grid.width(), 0),
        t.mapX(grid.width(), grid.height()), t.mapY(grid.width(), grid.height()), t.mapX(0, grid.height()),
        t.mapY(0, grid.height())};
    double[] out = new double[8];
    try {
      toLonLat(grid).getMathTransform().transform(corners, 0, out, 0, 4);
    } catch (org.opengis.referencing.operation.TransformException e) {
      throw new IOException("cannot transform the map corners to WGS84: " + e.getMessage(), e);
    }
    return out;
  }

  /** [minLon, minLat, maxLon, maxLat] of the whole grid (SIS follows the curved edges, not just the corners). */
  static double[] lonLatBox(GridGeometry grid) throws IOException {
    double[] b = grid.bounds();
    GeneralEnvelope envelope = new GeneralEnvelope(grid.crs());
    envelope.setRange(0, b[0], b[2]);
    envelope.setRange(1, b[1], b[3]);
    try {
      Envelope lonLat = Envelopes.transform(toLonLat(grid), envelope);
      return new double[] {lonLat.getMinimum(0), lonLat.getMinimum(1), lonLat.getMaximum(0), lonLat.getMaximum(1)};
    } catch (org.opengis.referencing.operation.TransformException e) {
      throw new IOException("cannot transform the map extent to WGS84: " + e.getMessage(), e);
    }
  }

  private static CoordinateOperation toLonLat(GridGeometry grid) throws IOException {
    try {
      return CRS.findOperation(grid.crs(), CommonCRS.WGS84.normalizedGeographic(), null);
    } catch (FactoryException e) {
      throw new IOException("no transform from " + grid.crsLabel() + " to WGS84: " + e.getMessage(), e);
    }
  }

  /** Nine decimals of a degree (0.1 mm): stable text without float noise. */
  private static double round(double degrees) {
    return Math.round(degrees * 1e9) / 1e9;
  }
}

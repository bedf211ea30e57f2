package org.sylva.pipelines.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.ImageStructure;
import org.sylva.geo.geotiff.Predictor;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

/** The facts {@code sylva raster info} prints, as an ordered map (rendered as text or JSON). */
final class RasterInfo {

  private RasterInfo() {}

  static Map<String, Object> describe(GeoTiffReader r) throws IOException {
    GridGeometry grid = r.grid();
    ImageStructure s = r.structure();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("file", r.path().toString());
    info.put("fileBytes", Files.size(r.path()));
    info.put("format", (r.isBigTiff() ? "BigTIFF" : "TIFF") + (r.declaresCogLayout() ? ", Cloud-Optimized layout" : ""));
    info.put("width", grid.width());
    info.put("height", grid.height());
    info.put("bands", r.bandCount());
    info.put("dataType", r.dataType().name().toLowerCase(Locale.ROOT));
    info.put("crs", Crs.label(grid.crs()));
    info.put("crsName", grid.crs().getName().getCode());
    info.put("geoTransform", grid.transform().toGdalArray());
    info.put("bounds", grid.bounds());
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("layout", s.tiled() ? "tiled" : "stripped");
    storage.put("blockWidth", s.blockWidth());
    storage.put("blockHeight", s.blockHeight());
    storage.put("compression", s.compression().name());
    storage.put("predictor", s.predictor().code());
    storage.put("interleave", s.interleave().name());
    info.put("storage", storage);
    List<Map<String, Object>> overviews = new ArrayList<>();
    for (ImageStructure o : r.overviewStructures()) {
      overviews.add(Map.of("width", o.width(), "height", o.height()));
    }
    info.put("overviews", overviews);
    List<Map<String, Object>> bands = new ArrayList<>();
    for (int b = 0; b < r.bandCount(); b++) {
      BandMetadata m = r.bandMetadata().get(b);
      Map<String, Object> band = new LinkedHashMap<>();
      band.put("band", b + 1);
      band.put("name", r.bandNames().get(b));
      r.nodata().ifPresent(v -> band.put("nodata", v));
      m.unit().ifPresent(u -> band.put("unit", u));
      m.scale().ifPresent(v -> band.put("scale", v));
      m.offset().ifPresent(v -> band.put("offset", v));
      if (!m.items().isEmpty()) {
        band.put("metadata", m.items());
      }
      bands.add(band);
    }
    info.put("bandInfo", bands);
    if (!r.metadata().isEmpty()) {
      info.put("metadata", r.metadata());
    }
    return info;
  }

  /** A short gdalinfo-like text. */
  static String text(GeoTiffReader r) throws IOException {
    GridGeometry grid = r.grid();
    ImageStructure s = r.structure();
    GeoTransform t = grid.transform();
    StringBuilder out = new StringBuilder();
    line(out, "File", r.path() + " (" + human(Files.size(r.path())) + ", " + describe(r).get("format") + ")");
    line(out, "Size", grid.width() + " x " + grid.height() + ", " + r.bandCount() + (r.bandCount() == 1 ? " band" : " bands")
        + ", " + r.dataType().name().toLowerCase(Locale.ROOT));
    line(out, "CRS", Crs.label(grid.crs()) + " (" + grid.crs().getName().getCode() + ")");
    line(out, "Origin", "(" + num(t.originX()) + ", " + num(t.originY()) + ")");
    line(out, "Pixel size", "(" + num(t.pixelWidth()) + ", " + num(t.pixelHeight()) + ")"
        + (t.isNorthUp() ? "" : ", rotation (" + num(t.rowRotation()) + ", " + num(t.colRotation()) + ")"));
    double[] b = grid.bounds();
    line(out, "Bounds", "x " + num(b[0]) + " .. " + num(b[2]) + ", y " + num(b[1]) + " .. " + num(b[3]));
    String predictor = s.predictor() == Predictor.NONE ? "no predictor"
        : "predictor " + s.predictor().code() + (s.predictor() == Predictor.FLOATING_POINT ? " (floating point)" : " (horizontal)");
    line(out, "Storage", s.blockDescription() + ", " + s.compression() + ", " + predictor + ", "
        + s.interleave().name().toLowerCase(Locale.ROOT) + "-interleaved");
    List<String> overviews = new ArrayList<>();
    for (ImageStructure o : r.overviewStructures()) {
      overviews.add(o.width() + "x" + o.height());
    }
    line(out, "Overviews", overviews.isEmpty() ? "none" : String.join(", ", overviews));
    for (int i = 0; i < r.bandCount(); i++) {
      BandMetadata m = r.bandMetadata().get(i);
      StringBuilder band = new StringBuilder(r.bandNames().get(i));
      r.nodata().ifPresent(v -> band.append(", nodata ").append(num(v)));
      m.unit().ifPresent(u -> band.append(", unit ").append(u));
      m.scale().ifPresent(v -> band.append(", scale ").append(num(v)));
      m.offset().ifPresent(v -> band.append(", offset ").append(num(v)));
      m.items().forEach((k, v) -> band.append(", ").append(k).append('=').append(v));
      line(out, "Band " + (i + 1), band.toString());
    }
    r.metadata().forEach((k, v) -> line(out, "Metadata", k + "=" + v));
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "%-11s %s%n", key + ":", value));
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.10g", v).replaceAll("0+$", "");
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}

package org.sylva.geo.stac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes STAC JSON documents for tests, shaped like the providers' real items. */
public final class StacFixtures {

  private StacFixtures() {}

  /** A Planetary Computer sentinel-2-l2a item (keys B02…B12, B8A, SCL; eo:bands with band ids). */
  public static String planetaryComputer(String id, String baseline) {
    StringBuilder assets = new StringBuilder();
    String[][] bands = {{"B02", "blue"}, {"B03", "green"}, {"B04", "red"}, {"B05", "rededge"}, {"B06", "rededge"},
        {"B07", "rededge"}, {"B08", "nir"}, {"B8A", "nir08"}, {"B11", "swir16"}, {"B12", "swir22"}};
    for (String[] b : bands) {
      assets.append(String.format("""
          "%s": {"href": "%s/%s.tif", "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                 "roles": ["data"], "eo:bands": [{"name": "%s", "common_name": "%s"}]},
          """, b[0], id, b[0], b[0], b[1]));
    }
    return """
        {"type": "Feature", "stac_version": "1.0.0", "id": "%s", "collection": "sentinel-2-l2a",
         "properties": {"datetime": "2023-06-12T10:56:29.024000Z", "s2:processing_baseline": "%s",
                        "s2:mgrs_tile": "30TXQ", "eo:cloud_cover": 12.5},
         "geometry": null, "links": [],
         "assets": {%s
           "SCL": {"href": "%s/SCL.tif", "type": "image/tiff; application=geotiff; profile=cloud-optimized", "roles": ["data"]},
           "visual": {"href": "%s/TCI.tif", "type": "image/tiff", "roles": ["data"],
                      "eo:bands": [{"name": "B04"}, {"name": "B03"}, {"name": "B02"}]},
           "preview": {"href": "https://example.invalid/preview.png", "type": "image/png", "roles": ["thumbnail"]}
         }}
        """.formatted(id, baseline, assets, id, id);
  }

  /** An Earth Search v1 item (common-name keys, "-jp2" twins, boa_offset_applied). */
  public static String earthSearchV1(String id, boolean offsetApplied) {
    StringBuilder assets = new StringBuilder();
    String[][] bands = {{"blue", "blue"}, {"green", "green"}, {"red", "red"}, {"rededge1", "rededge"},
        {"rededge2", "rededge"}, {"rededge3", "rededge"}, {"nir", "nir"}, {"nir08", "nir08"}, {"swir16", "swir16"},
        {"swir22", "swir22"}};
    for (String[] b : bands) {
      // The -jp2 twin comes first in the document: mapping must still pick the GeoTIFF.
      assets.append(String.format("""
          "%s-jp2": {"href": "jp2/%s.jp2", "type": "image/jp2", "roles": ["data"],
                     "eo:bands": [{"name": "%s", "common_name": "%s"}]},
          "%s": {"href": "cog/%s.tif", "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                 "roles": ["data"], "eo:bands": [{"name": "%s", "common_name": "%s"}],
                 "raster:bands": [{"nodata": 0, "data_type": "uint16", "scale": 0.0001, "offset": -0.1}]},
          """, b[0], b[0], b[0], b[1], b[0], b[0], b[0], b[1]));
    }
    return """
        {"type": "Feature", "stac_version": "1.0.0", "id": "%s", "collection": "sentinel-2-l2a",
         "properties": {"datetime": "2023-07-02T11:06:21Z", "s2:processing_baseline": "05.09",
                        "earthsearch:boa_offset_applied": %s},
         "geometry": null, "links": [],
         "assets": {%s
           "scl-jp2": {"href": "jp2/SCL.jp2", "type": "image/jp2", "roles": ["data"]},
           "scl": {"href": "cog/SCL.tif", "type": "image/tiff; application=geotiff", "roles": ["data"]},
           "thumbnail": {"href": "cog/thumb.jpg", "type": "image/jpeg", "roles": ["thumbnail"]}
         }}
        """.formatted(id, offsetApplied, assets);
  }

  /** A Copernicus Data Space item ({@code B02_10m}-style keys, several resolutions per band). */
  public static String copernicusDataSpace(String id) {
    StringBuilder assets = new StringBuilder();
    String[] bands = {"B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12", "SCL"};
    for (String b : bands) {
      boolean tenMetre = b.equals("B02") || b.equals("B03") || b.equals("B04") || b.equals("B08");
      // 60 m first, so document order alone would pick the wrong resolution.
      assets.append(String.format("""
          "%s_60m": {"href": "R60m/%s_60m.tif", "type": "image/tiff", "roles": ["data"], "proj:code": "EPSG:32630"},
          "%s_20m": {"href": "R20m/%s_20m.tif", "type": "image/tiff", "roles": ["data"], "proj:code": "EPSG:32630"},
          """, b, b, b, b));
      if (tenMetre) {
        assets.append(String.format("""
            "%s_10m": {"href": "R10m/%s_10m.tif", "type": "image/tiff", "roles": ["data"], "proj:code": "EPSG:32630"},
            """, b, b));
      }
    }
    String json = """
        {"type": "Feature", "stac_version": "1.1.0", "id": "%s", "collection": "sentinel-2-l2a",
         "properties": {"datetime": "2023-08-01T10:56:19.024Z", "processing:version": "05.10"},
         "geometry": null, "links": [],
         "assets": {%s}}
        """.formatted(id, assets);
    return json.replace(",\n}}", "\n}}").replaceAll(",\\s*}}\\s*$", "}}\n");
  }

  public static Path write(Path file, String json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json);
    return file;
  }
}

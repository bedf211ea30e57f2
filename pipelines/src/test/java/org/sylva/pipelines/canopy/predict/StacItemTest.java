package org.sylva.pipelines.canopy.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

class StacItemTest {

  /** The default demo grid: 20 x 20 km of UTM 30N from (655000 E, 4905000 N). */
  private static final GridGeometry GRID = new GridGeometry(Crs.epsg(32630), GeoTransform.northUp(655_000, 4_905_000, 10, 10),
      2000, 2000);

  @Test
  void describesTheMapInItsCrsAndInWgs84() throws Exception {
    JsonNode item = StacItem.build(GRID, new StacItem.Description("run-canopy-height", "t", "d", "2023-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z", MapFormat.UINT16, true, "s2_all", "rh98", "canopy_height.tif", "plots/q.png", "report.md",
        "metrics.json"));
    JsonNode p = item.path("properties");
    assertThat(p.path("proj:epsg").asInt()).isEqualTo(32630);
    assertThat(p.path("proj:shape").toString()).isEqualTo("[2000,2000]");
    assertThat(p.path("proj:transform").toString()).isEqualTo("[10.0,0.0,655000.0,0.0,-10.0,4905000.0]");
    assertThat(p.path("datetime").isNull()).isTrue();

    // Corners of the scene as given in DemoSceneSpec: 44.10-44.28 N, 1.06-0.81 W; the bbox holds every corner.
    JsonNode bbox = item.path("bbox");
    assertThat(bbox.get(0).asDouble()).isCloseTo(-1.06, within(0.01));
    assertThat(bbox.get(2).asDouble()).isCloseTo(-0.81, within(0.01));
    assertThat(bbox.get(1).asDouble()).isCloseTo(44.10, within(0.01));
    assertThat(bbox.get(3).asDouble()).isCloseTo(44.28, within(0.01));
    JsonNode ring = item.path("geometry").path("coordinates").get(0);
    assertThat(ring).hasSize(5);
    assertThat(ring.get(0)).isEqualTo(ring.get(4));
    for (JsonNode corner : ring) {
      assertThat(corner.get(0).asDouble()).isBetween(bbox.get(0).asDouble(), bbox.get(2).asDouble());
      assertThat(corner.get(1).asDouble()).isBetween(bbox.get(1).asDouble(), bbox.get(3).asDouble());
    }

    JsonNode asset = item.path("assets").path("canopy_height");
    assertThat(asset.path("roles").toString()).isEqualTo("[\"data\"]");
    assertThat(asset.path("raster:bands")).hasSize(2);
    JsonNode band = asset.path("raster:bands").get(0);
    assertThat(band.path("data_type").asText()).isEqualTo("uint16");
    assertThat(band.path("nodata").asDouble()).isEqualTo(65535);
    assertThat(band.path("scale").asDouble()).isEqualTo(0.1);
    assertThat(band.path("unit").asText()).isEqualTo("m");
    assertThat(item.path("assets").path("overview").path("roles").toString()).isEqualTo("[\"overview\"]");
  }
}

package org.sylva.geo.gedi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.junit.jupiter.api.Test;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

class FootprintRasterizerTest {

  /** 10 m grid, 20 × 20 pixels, upper-left corner (1000, 2000). */
  static GridGeometry grid() throws Exception {
    return new GridGeometry(CRS.forCode("EPSG:32630"), GeoTransform.northUp(1000, 2000, 10, 10), 20, 20);
  }

  static GediFootprint at(double x, double y, double rh98) {
    return new GediFootprint(1, Instant.EPOCH, 0, 0, x, y, GediBeam.BEAM0101, 0.99f, rh98 - 1, rh98, rh98 + 1, 0, "f.h5");
  }

  @Test
  void centrePixelMarksOnePixelAndAveragesOverlaps() throws Exception {
    // (1055, 1945) is inside pixel col 5, row 5; (1059.9, 1940.1) too; (1105, 1905) is col 10, row 9.
    var result = new FootprintRasterizer(FootprintRasterizer.Shape.CENTRE_PIXEL, GediHeightMetric.RH98)
        .rasterize(List.of(at(1055, 1945, 10), at(1059.9, 1940.1, 20), at(1105, 1905, 7)), grid());
    assertThat(result.hitPixels()).isEqualTo(2);
    assertThat(result.values()[5 * 20 + 5]).isEqualTo(15f); // mean of 10 and 20
    assertThat(result.counts()[5 * 20 + 5]).isEqualTo(2);
    assertThat(result.values()[9 * 20 + 10]).isEqualTo(7f);
    assertThat(result.values()[0]).isNaN();
  }

  @Test
  void discMarksPixelsWhoseCentreIsWithinTheRadius() throws Exception {
    // Footprint on the centre of pixel (5, 5): centres at distance 0 (1 pixel) and 10 m (4 pixels) are within
    // 12.5 m, the diagonal ones at 14.1 m are not: a plus sign of 5 pixels.
    var result = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH95)
        .rasterize(List.of(at(1055, 1945, 10)), grid());
    assertThat(result.hitPixels()).isEqualTo(5);
    for (int[] p : new int[][] {{5, 5}, {4, 5}, {6, 5}, {5, 4}, {5, 6}}) {
      assertThat(result.values()[p[1] * 20 + p[0]]).isEqualTo(9f); // RH95 = rh98 - 1
    }
    // On a pixel corner (1050, 1950): the four pixels around it at 7.07 m, the eight next ones at 15.8 m: 4 pixels.
    var corner = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98)
        .rasterize(List.of(at(1050, 1950, 3)), grid());
    assertThat(corner.hitPixels()).isEqualTo(4);
    // Clipped at the grid edge: a footprint on pixel (0, 0)'s centre keeps 3 of its 5 pixels.
    var edge = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98)
        .rasterize(List.of(at(1005, 1995, 3)), grid());
    assertThat(edge.hitPixels()).isEqualTo(3);
  }

  @Test
  void rejectsGeographicGrid() {
    var degrees = new GridGeometry(CommonCRS.WGS84.normalizedGeographic(), GeoTransform.northUp(-1, 45, 1e-4, 1e-4), 10, 10);
    assertThatThrownBy(() -> new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98)
        .rasterize(List.of(), degrees)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metres");
  }
}

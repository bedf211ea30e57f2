package org.sylva.geo.warp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.geo.testing.TestRasters;

/**
 * Reprojection agrees with gdalwarp (exact transformations, {@code -et 0}) on the same target grid, except a
 * 2-pixel border: NEAREST exactly; BILINEAR and AVERAGE within 1e-4 on smooth data of amplitude ~50 (both
 * compute in double and round once to float32, whose spacing near 100 is 7.6e-6; the rest is PROJ vs SIS
 * coordinate differences of ~1e-7 pixel). Empty pixels (outside, nodata) must match exactly.
 */
class ReprojectionInteropTest {

  @TempDir static Path dir;
  static Path geographic;
  static Path utm20;

  @BeforeAll
  static void sources() throws IOException {
    ExternalTools.requireProgram("gdalwarp");
    GridGeometry g = new GridGeometry(Crs.epsg(4326), GeoTransform.northUp(-1.2, 44.6, 0.0002, 0.0002), 500, 400);
    float[] a = TestRasters.terrain(500, 400, 100, 50, 35, 0, 1);
    TestRasters.hole(a, 500, 70, 50, 20, 10, -9999);
    geographic = TestRasters.write(dir.resolve("wgs84.tif"), g, GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).build(), a);
    GridGeometry u = TestRasters.utmGrid(350, 300, 20);
    float[] b = TestRasters.terrain(350, 300, 100, 50, 18, 0, 2);
    TestRasters.hole(b, 350, 30, 20, 10, 5, -9999);
    utm20 = TestRasters.write(dir.resolve("utm20.tif"), u, GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).build(), b);
  }

  @Test
  void wgs84OntoUtm30nAtTenMetres() throws IOException {
    compareAll(geographic, "EPSG:32630", "643000 4932000 650500 4939500", "10");
  }

  @Test
  void wgs84OntoUtm30nAtThirtyMetres() throws IOException {
    compareAll(geographic, "EPSG:32630", "643000 4932000 650500 4939500", "30");
  }

  @Test
  void twentyMetresOntoTenMetres() throws IOException {
    compareAll(utm20, "EPSG:32630", "600000 4944000 607000 4950000", "10");
  }

  @Test
  void twentyMetresOntoFortyMetres() throws IOException {
    compareAll(utm20, "EPSG:32630", "600000 4944000 607000 4950000", "40");
  }

  private void compareAll(Path source, String crs, String extent, String resolution) throws IOException {
    List<String> failures = new ArrayList<>();
    for (Resampling method : Resampling.values()) {
      String gdalName = switch (method) {
        case NEAREST -> "near";
        case BILINEAR -> "bilinear";
        case AVERAGE -> "average";
      };
      Path out = dir.resolve(source.getFileName() + "-" + resolution + "-" + gdalName + ".tif");
      List<String> cmd = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-et", "0", "-r", gdalName, "-t_srs", crs, "-te"));
      cmd.addAll(List.of(extent.split(" ")));
      cmd.addAll(List.of("-tr", resolution, resolution, "-dstnodata", "nan", "-ot", "Float32", source.toString(), out.toString()));
      ExternalTools.runChecked(cmd, 300);
      try (GeoTiffReader src = GeoTiff.open(source); GeoTiffReader ref = GeoTiff.open(out)) {
        GridGeometry target = ref.grid();
        float[] gdal = ref.read(target.fullWindow(), 0);
        float[] sylva = Reprojection.read(src, 0, target, method);
        double tolerance = method == Resampling.NEAREST ? 0 : 1e-4;
        int compared = 0;
        for (int r = 2; r < target.height() - 2; r++) {
          for (int c = 2; c < target.width() - 2; c++) {
            float g = gdal[r * target.width() + c];
            float s = sylva[r * target.width() + c];
            if (Float.isNaN(g) != Float.isNaN(s) || Math.abs(g - s) > tolerance) {
              failures.add(method + " " + resolution + " m: pixel (" + c + ", " + r + ") gdal " + g + " sylva " + s);
            }
            compared += Float.isNaN(g) ? 0 : 1;
          }
        }
        assertThat(compared).as("valid pixels compared").isGreaterThan(target.width() * target.height() / 2);
      }
    }
    assertThat(failures).as("pixels differing from gdalwarp").isEmpty();
  }
}

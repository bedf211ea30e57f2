package org.sylva.geo.gedi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sis.geometry.DirectPosition2D;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.testing.ExternalTools;

/**
 * Filter counts against the "filters" fixture, whose ten shots per beam (BEAM0001 coverage, BEAM0110 power)
 * each fail one filter by construction: 0, 1 good; 2 quality 0; 3 quality 0 and degraded; 4 degraded;
 * 5 sensitivity 0.90; 6 sensitivity 0.96; 7 leaf-off; 8 in 2019; 9 outside the AOI.
 */
class GediIngestTest {

  static final Instant Y2021 = Instant.parse("2021-01-01T00:00:00Z");
  static final Instant Y2022 = Instant.parse("2022-01-01T00:00:00Z");
  /** 20 km × 20 km around (−0.9°, 44.2°), which is (667800, 4896231) in UTM 30N. */
  static final GediAoi AOI = GediAoi.bounds(655_000, 4_885_000, 675_000, 4_905_000);

  @TempDir static Path shared;
  static Path fixture;
  static CoordinateReferenceSystem utm30n;
  @TempDir Path dir;

  @BeforeAll
  static void writeFixture() throws Exception {
    fixture = shared.resolve("GEDI02_A_filters.h5");
    GediFixtures.write(fixture, "filters");
    utm30n = CRS.forCode("EPSG:32630");
  }

  @Test
  void defaultFiltersDropInOrderAndCountPerFilter() throws Exception {
    List<GediFootprint> kept = new ArrayList<>();
    GediFileReport report = ingest(GediFilterOptions.builder().dateRange(Y2021, Y2022).aoi(AOI).build(), kept);
    // Per beam: quality 2 (shots 2, 3 — shot 3 is also degraded but quality comes first), degrade 1, sensitivity 1,
    // leaf-off 1, date 1, AOI 1, kept 3 (shots 0, 1, 6); two beams.
    assertThat(report.shotsRead()).isEqualTo(20);
    assertThat(report.dropped()).containsExactlyEntriesOf(orderedCounts(0, 4, 2, 2, 2, 2, 0, 2));
    assertThat(report.kept()).isEqualTo(6);
    assertThat(report.warnings()).isEmpty();
    assertThat(kept).extracting(f -> f.shotNumber() % 100).containsExactly(0L, 1L, 6L, 0L, 1L, 6L);
    assertThat(kept).extracting(GediFootprint::beam).containsExactly(GediBeam.BEAM0001, GediBeam.BEAM0001,
        GediBeam.BEAM0001, GediBeam.BEAM0110, GediBeam.BEAM0110, GediBeam.BEAM0110);
    // delta_time of shot i is 2021-06-15T10:00:00Z + i s in the fixture.
    assertThat(kept.get(2).time()).isEqualTo(Instant.parse("2021-06-15T10:00:06Z"));
    // rh row i is linspace(-2, 20, 101) + i: RH98 = -2 + 22 * 0.98 + i.
    assertThat(kept.get(2).rh98()).isCloseTo(-2 + 22 * 0.98 + 6, within(1e-12));
  }

  @Test
  void strictSensitivityAndPowerBeamsOnly() throws Exception {
    GediFileReport strict = ingest(GediFilterOptions.builder().dateRange(Y2021, Y2022).aoi(AOI)
        .minSensitivity(GediFilterOptions.STRICT_MIN_SENSITIVITY).build(), new ArrayList<>());
    assertThat(strict.dropped(GediFilterStep.SENSITIVITY)).isEqualTo(4); // shots 5 and 6 of each beam
    assertThat(strict.kept()).isEqualTo(4);

    GediFileReport power = ingest(GediFilterOptions.builder().dateRange(Y2021, Y2022).aoi(AOI).powerBeamsOnly(true)
        .build(), new ArrayList<>());
    assertThat(power.dropped()).containsExactlyEntriesOf(orderedCounts(10, 2, 1, 1, 1, 1, 0, 1));
    assertThat(power.kept()).isEqualTo(3);

    GediFileReport open = ingest(GediFilterOptions.defaults(), new ArrayList<>());
    assertThat(open.kept()).isEqualTo(10); // no date range and no AOI: shots 8 and 9 stay
  }

  @Test
  void noValidShotGivesWarningAndZeroRowsNotAnError() throws Exception {
    List<GediFootprint> kept = new ArrayList<>();
    GediFileReport report = ingest(GediFilterOptions.builder()
        .dateRange(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2031-01-01T00:00:00Z")).build(), kept);
    assertThat(kept).isEmpty();
    assertThat(report.kept()).isZero();
    assertThat(report.warnings()).singleElement().asString().startsWith("no shot of 20 passed the filters");
    Path table = dir.resolve("empty.parquet");
    GediFootprintTable.write(table, "EPSG:32630", kept);
    assertThat(GediFootprintTable.read(table)).isEmpty();
  }

  @Test
  void fileWithoutBeamsIsAClearError() throws Exception {
    Path empty = dir.resolve("no_beams.h5");
    ExternalTools.python("import h5py, sys\nwith h5py.File(sys.argv[1], 'w') as f: f.create_group('METADATA')",
        empty.toString());
    GediIngest ingest = new GediIngest(utm30n, GediFilterOptions.defaults());
    assertThatThrownBy(() -> ingest.ingest(empty, f -> { }))
        .isInstanceOf(GediFormatException.class)
        .hasMessage("no_beams.h5: no GEDI beam group (BEAM0000 ... BEAM1011): not a GEDI L2A granule?");
  }

  @Test
  void footprintsLandOnThePixelSisAndGdalTransformAgreeOn() throws Exception {
    List<GediFootprint> kept = new ArrayList<>();
    ingest(GediFilterOptions.builder().dateRange(Y2021, Y2022).aoi(AOI).build(), kept);
    GediFootprint first = kept.get(0); // lat 44.2, lon -0.9

    // SIS through EPSG:4326 in its authority axis order (latitude first): a different path from the
    // longitude-first normalized CRS the ingest uses, so an axis-order mistake would show.
    MathTransform latLon = CRS.findOperation(CRS.forCode("EPSG:4326"), utm30n, null).getMathTransform();
    var expected = latLon.transform(new DirectPosition2D(44.2, -0.9), null);
    assertThat(first.x()).isCloseTo(expected.getOrdinate(0), within(1e-6));
    assertThat(first.y()).isCloseTo(expected.getOrdinate(1), within(1e-6));

    ExternalTools.requireProgram("gdaltransform");
    Path input = dir.resolve("point.txt");
    java.nio.file.Files.writeString(input, "-0.9 44.2\n");
    String out = ExternalTools.runChecked(List.of("sh", "-c",
        "gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32630 < " + input), 60).trim();
    String[] xyz = out.split("\\s+");
    double gdalX = Double.parseDouble(xyz[0]);
    double gdalY = Double.parseDouble(xyz[1]);
    assertThat(first.x()).isCloseTo(gdalX, within(1e-3)); // PROJ and SIS agree to well under a millimetre
    assertThat(first.y()).isCloseTo(gdalY, within(1e-3));

    GridGeometry grid = new GridGeometry(utm30n, GeoTransform.northUp(655_000, 4_905_000, 10, 10), 2000, 2000);
    int gdalCol = (int) Math.floor((gdalX - 655_000) / 10);
    int gdalRow = (int) Math.floor((4_905_000 - gdalY) / 10);
    var raster = new FootprintRasterizer(FootprintRasterizer.Shape.CENTRE_PIXEL, GediHeightMetric.RH98)
        .rasterize(List.of(first), grid);
    assertThat(raster.counts()[gdalRow * 2000 + gdalCol]).isEqualTo(1);
    assertThat(raster.values()[gdalRow * 2000 + gdalCol]).isEqualTo((float) first.rh98());
    assertThat(raster.hitPixels()).isEqualTo(1);
  }

  @Test
  void parquetTableRoundTrips() throws Exception {
    List<GediFootprint> kept = new ArrayList<>();
    ingest(GediFilterOptions.builder().dateRange(Y2021, Y2022).aoi(AOI).build(), kept);
    Path table = dir.resolve("out/footprints.parquet");
    GediFootprintTable.write(table, "EPSG:32630", kept);
    assertThat(GediFootprintTable.read(table)).containsExactlyElementsOf(kept);
    assertThat(java.nio.file.Files.list(table.getParent())).containsExactly(table); // no temporary left behind
  }

  private GediFileReport ingest(GediFilterOptions options, List<GediFootprint> kept) throws IOException {
    return new GediIngest(utm30n, options).ingest(fixture, kept::add);
  }

  private static Map<GediFilterStep, Long> orderedCounts(long... counts) {
    Map<GediFilterStep, Long> map = new java.util.LinkedHashMap<>();
    for (GediFilterStep step : GediFilterStep.values()) {
      map.put(step, counts[step.ordinal()]);
    }
    return map;
  }
}

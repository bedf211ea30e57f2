package org.sylva.geo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.demo.DemoSceneWriter;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.TiffPatch;
import org.sylva.geo.ingest.IngestProblem.Stage;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.geo.warp.Reprojection;

/**
 * Bad and partial input: each case gives one clear line (a dead-letter {@link IngestProblem} when the run can
 * go on without the item, an {@link IngestException} when it cannot) and never a half-written output. Runs on
 * copies of one small demo scene (64², 3 Sentinel-2 and 2 Sentinel-1 dates).
 */
class SceneIngestBadInputTest {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir static Path fixtures;
  static Path clean;
  static DemoScene demo;

  @TempDir Path dir;

  @BeforeAll
  static void writeScene() throws IOException {
    demo = DemoScene.generate(DemoSceneSpec.defaults(3).withSize(64).withDates(3, 2));
    clean = fixtures.resolve("clean");
    new DemoSceneWriter(demo, 2).write(clean, false, ProgressListener.NONE);
  }

  @Test
  void cleanSceneIsDeterministicAndFolderInputGivesTheSameComposite() throws IOException {
    IngestedScene first = ingest(clean, dir.resolve("a"));
    IngestedScene second = ingest(clean, dir.resolve("b"));
    for (String file : List.of(SceneIngest.SENTINEL2_FILE, SceneIngest.SENTINEL1_FILE, SceneIngest.TARGETS_FILE,
        SceneIngest.FOOTPRINTS_FILE, SceneIngest.REPORT_FILE)) {
      assertThat(dir.resolve("b").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("a").resolve(file));
    }
    assertThat(first.counts().sentinel2Used()).isEqualTo(3);
    assertThat(first.problems()).allSatisfy(p -> assertThat(p.stage()).isEqualTo(Stage.GEDI));

    IngestSource folders = IngestSource.folders(clean.resolve("sentinel-2-l2a"), clean.resolve("sentinel-1-rtc"),
        clean.resolve("gedi"));
    IngestedScene fromFolders = SceneIngest.run(request(folders), dir.resolve("folders"), ProgressListener.NONE);
    assertThat(fromFolders.grid()).isEqualTo(first.grid());
    for (int band = 0; band < first.sentinel2Bands().size(); band++) {
      assertThat(read(fromFolders.sentinel2Composite(), band)).isEqualTo(read(second.sentinel2Composite(), band));
    }
    assertThat(read(fromFolders.sentinel1Composite(), 0)).isEqualTo(read(second.sentinel1Composite(), 0));
  }

  @Test
  void missingBandAssetLeavesTheItemOut() throws IOException {
    Path scene = copy("missing-band");
    Path item = s2Item(scene, 1);
    ObjectNode json = (ObjectNode) JSON.readTree(item.toFile());
    ((ObjectNode) json.get("assets")).remove("B05");
    JSON.writeValue(item.toFile(), json);
    IngestedScene result = ingest(scene, dir.resolve("out"));
    IngestProblem problem = only(result, Stage.SENTINEL2);
    assertThat(problem.item()).isEqualTo(json.get("id").asText());
    assertThat(problem.message()).isEqualTo(item + ": item " + problem.item() + " has no asset for band B05 (assets: "
        + "B02, B03, B04, B06, B07, B08, B8A, B11, B12, SCL)");
    assertThat(result.counts().sentinel2Items()).isEqualTo(3);
    assertThat(result.counts().sentinel2Used()).isEqualTo(2);
  }

  @Test
  void hrefEscapingTheCatalogRootIsNeverRead() throws IOException {
    Path scene = copy("escape");
    Path item = s2Item(scene, 0);
    ObjectNode json = (ObjectNode) JSON.readTree(item.toFile());
    ((ObjectNode) json.get("assets").get("B04")).put("href", "../../../../../../etc/passwd");
    JSON.writeValue(item.toFile(), json);
    IngestedScene result = ingest(scene, dir.resolve("out"));
    IngestProblem problem = only(result, Stage.STAC);
    assertThat(problem.item()).isEqualTo(item.getFileName().toString());
    assertThat(problem.message()).startsWith(item + ": item " + json.get("id").asText() + " asset B04 href "
        + "'../../../../../../etc/passwd' resolves outside the catalog root").doesNotContain("\n");
    assertThat(result.counts().sentinel2Used()).isEqualTo(2);
  }

  @Test
  void gediGranuleWithoutRhAndATruncatedOneAreLeftOut() throws IOException {
    ExternalTools.requirePythonModules("h5py");
    Path scene = copy("gedi");
    List<Path> granules = gediFiles(scene);
    assertThat(granules.size()).isGreaterThanOrEqualTo(3);
    Path noRh = granules.get(0);
    ExternalTools.python("""
        import sys, h5py
        with h5py.File(sys.argv[1], 'r+') as f:
            for name in list(f.keys()):
                if name.startswith('BEAM'):
                    del f[name + '/rh']
        """, noRh.toString());
    Path truncated = granules.get(1);
    byte[] bytes = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

    IngestedScene result = ingest(scene, dir.resolve("out"));
    List<IngestProblem> unreadable = result.problems().stream()
        .filter(p -> p.stage() == Stage.GEDI && !p.message().contains("passed the filters")).toList();
    assertThat(unreadable).hasSize(2);
    assertThat(unreadable.get(0).item()).isEqualTo(noRh.getFileName().toString());
    assertThat(unreadable.get(0).message()).matches(noRh.getFileName() + ": BEAM\\d{4} has no dataset 'rh'");
    assertThat(unreadable.get(1).item()).isEqualTo(truncated.getFileName().toString());
    assertThat(unreadable.get(1).message()).startsWith(truncated.getFileName() + ": ").contains("truncated or corrupt");
    assertThat(result.counts().gediFiles()).isEqualTo(granules.size() - 2);
    assertThat(result.counts().footprints()).isPositive();
  }

  @Test
  void itemInANeighbouringUtmZoneIsReprojected() throws IOException {
    Path scene = copy("utm31");
    IngestedScene reference = ingest(clean, dir.resolve("reference"));
    Path item = s2Item(scene, 2);
    // Rewrite every raster of the last date in UTM 31N (nearest neighbour keeps integer DN and SCL classes).
    try (var files = Files.list(item.getParent())) {
      for (Path tif : files.filter(p -> p.toString().endsWith(".tif")).toList()) {
        Path moved = tif.resolveSibling("utm31-" + tif.getFileName());
        try (GeoTiffReader src = GeoTiff.open(tif)) {
          GridGeometry g = src.grid();
          double[] b = TargetGrids.boundsIn(g, Crs.epsg(32631), tif.toString());
          double pixel = g.transform().pixelWidth();
          GridGeometry utm31 = TargetGrids.snapped(Crs.epsg(32631), b, 0, 0, pixel);
          float[] values = Reprojection.read(src, 0, utm31, Resampling.NEAREST);
          try (var writer = GeoTiff.create(moved, utm31, GeoTiffProfile.from(src).build())) {
            writer.write(utm31.fullWindow(), 0, nanToNodata(values));
            writer.commit();
          }
        }
        Files.move(moved, tif, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    IngestedScene result = ingest(scene, dir.resolve("out"));
    assertThat(result.problems()).noneMatch(p -> p.stage() != Stage.GEDI);
    assertThat(result.counts().sentinel2Used()).isEqualTo(3);
    // The derived grid covers every item: the reprojected date's outline is a tilted rectangle in UTM 30N, so
    // the grid grows around the scene, on the same 10 m lattice of the first item.
    GridGeometry grid = result.grid();
    GridGeometry ref = reference.grid();
    assertThat(grid.crs()).isEqualTo(ref.crs());
    int col0 = (int) Math.round(grid.transform().col(ref.transform().originX(), ref.transform().originY()));
    int row0 = (int) Math.round(grid.transform().row(ref.transform().originX(), ref.transform().originY()));
    assertThat(grid.transform().pixelWidth()).isEqualTo(10);
    assertThat(grid.transform().mapX(col0, row0)).isEqualTo(ref.transform().originX());
    assertThat(col0 + ref.width()).isLessThanOrEqualTo(grid.width());
    assertThat(row0 + ref.height()).isLessThanOrEqualTo(grid.height());
    // Twice resampled by nearest neighbour, the date moves by up to a pixel: medians stay close on average.
    float[] expected = read(reference.sentinel2Composite(), 2);
    float[] all = read(result.sentinel2Composite(), 2);
    float[] actual = new float[expected.length];
    for (int r = 0; r < ref.height(); r++) {
      System.arraycopy(all, (row0 + r) * grid.width() + col0, actual, r * ref.width(), ref.width());
    }
    double sum = 0;
    int n = 0;
    for (int i = 0; i < expected.length; i++) {
      if (!Float.isNaN(expected[i]) && !Float.isNaN(actual[i])) {
        sum += Math.abs(expected[i] - actual[i]);
        n++;
      }
    }
    assertThat(n).isGreaterThan(expected.length / 2);
    assertThat(sum / n).as("mean |B04 median difference|").isLessThan(0.01);
  }

  @Test
  void rasterInACrsSisCannotReadIsLeftOutWithItsReason() throws IOException {
    Path scene = copy("lambert");
    Path item = s2Item(scene, 0);
    Path b03 = bandFile(item, "B03");
    TiffPatch.setGeoKey(b03, TiffPatch.PROJECTED_CS_TYPE_KEY, 2154); // Lambert-93: needs the EPSG database
    IngestedScene result = ingest(scene, dir.resolve("out"));
    IngestProblem problem = only(result, Stage.SENTINEL2);
    assertThat(problem.message()).startsWith(b03 + ": EPSG:2154 is not known to Apache SIS").doesNotContain("\n");
    assertThat(result.counts().sentinel2Used()).isEqualTo(2);

    // A target grid in that CRS cannot even be described: the caller gets the same clear reason.
    assertThatThrownBy(() -> Crs.epsg(2154)).hasMessageStartingWith("EPSG:2154 is not known to Apache SIS");
  }

  @Test
  void allCloudStackGivesNodataAndAWarning() throws IOException {
    Path scene = copy("clouds");
    for (int i = 0; i < 3; i++) {
      Path scl = bandFile(s2Item(scene, i), "SCL");
      try (GeoTiffReader src = GeoTiff.open(scl)) {
        float[] cloud = new float[(int) src.grid().pixelCount()];
        Arrays.fill(cloud, 9);
        try (var writer = GeoTiff.create(scl.resolveSibling("cloudy.tif"), src.grid(), GeoTiffProfile.from(src).build())) {
          writer.write(src.grid().fullWindow(), 0, cloud);
          writer.commit();
        }
      }
      Files.move(scl.resolveSibling("cloudy.tif"), scl, StandardCopyOption.REPLACE_EXISTING);
    }
    IngestedScene result = ingest(scene, dir.resolve("out"));
    assertThat(result.warnings()).singleElement().asString()
        .startsWith("Sentinel-2: no valid observation for any pixel (all-cloud or all-nodata stack of 3 observations)");
    assertThat(result.counts().sentinel2ValidShare()).isZero();
    assertThat(read(result.sentinel2Composite(), 0)).containsOnly(Float.NaN);
    assertThat(read(result.sentinel2Composite(), result.sentinel2Bands().indexOf("count"))).containsOnly(0f);
    assertThat(result.counts().sentinel1ValidShare()).isEqualTo(1.0);
  }

  @Test
  void truncatedCogLeavesTheItemOut() throws IOException {
    Path scene = copy("truncated");
    Path b8a = bandFile(s2Item(scene, 1), "B8A");
    byte[] bytes = Files.readAllBytes(b8a);
    Files.write(b8a, Arrays.copyOf(bytes, bytes.length * 6 / 10));
    IngestedScene result = ingest(scene, dir.resolve("out"));
    IngestProblem problem = only(result, Stage.SENTINEL2);
    assertThat(problem.message()).startsWith(b8a + ": truncated file").doesNotContain("\n");
    assertThat(result.counts().sentinel2Used()).isEqualTo(2);
  }

  @Test
  void corruptTileFoundWhileCompositingLeavesTheItemOutOfTheWholeComposite() throws IOException {
    Path scene = copy("corrupt-tile");
    Path item = s2Item(scene, 0);
    Path b02 = bandFile(item, "B02");
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0x5A);
    TiffPatch.write(b02, TiffPatch.tileOffset(b02, 0), garbage);
    IngestedScene result = ingest(scene, dir.resolve("out"));
    IngestProblem problem = only(result, Stage.SENTINEL2);
    assertThat(problem.message()).startsWith(b02 + ": corrupt Deflate data in tile 0");
    assertThat(result.counts().sentinel2Used()).isEqualTo(2);

    // Same result as a catalog without that item: no tile was composited with it.
    Path without = copy("without");
    Path removed = s2Item(without, 0);
    AtomicOutput.deleteRecursively(removed.getParent()); // its collection link now dangles: a STAC problem
    IngestedScene expected = ingest(without, dir.resolve("expected"));
    for (int band = 0; band < result.sentinel2Bands().size(); band++) {
      assertThat(read(result.sentinel2Composite(), band)).isEqualTo(read(expected.sentinel2Composite(), band));
    }
  }

  @Test
  void targetGridBeyondTheScenesIsNodataWithoutObservations() throws IOException {
    GridGeometry sceneGrid = demo.grid();
    GeoTransform t = sceneGrid.transform();
    // 40 columns and a whole 32-pixel tile of it lie east of every acquisition's footprint.
    GridGeometry wider = new GridGeometry(sceneGrid.crs(), t, sceneGrid.width() + 40, sceneGrid.height());
    IngestRequest request = IngestRequest.builder(IngestSource.sceneFolder(clean)).targetGrid(wider)
        .options(options()).build();
    IngestedScene result = SceneIngest.run(request, dir.resolve("out"), ProgressListener.NONE);
    int countBand = result.sentinel2Bands().indexOf("count");
    float[] count2 = read(result.sentinel2Composite(), countBand);
    float[] b04 = read(result.sentinel2Composite(), result.sentinel2Bands().indexOf("B04"));
    float[] count1 = read(result.sentinel1Composite(), result.sentinel1Bands().indexOf("count"));
    float[] vv = read(result.sentinel1Composite(), 0);
    for (int r = 0; r < wider.height(); r++) {
      for (int c = sceneGrid.width(); c < wider.width(); c++) {
        int i = r * wider.width() + c;
        assertThat(count2[i]).isZero();
        assertThat(count1[i]).isZero();
        assertThat(b04[i]).isNaN();
        assertThat(vv[i]).isNaN();
      }
      assertThat(count1[r * wider.width()]).isEqualTo(2f); // inside: both Sentinel-1 dates
    }
    assertThat(result.counts().sentinel1ValidShare()).isCloseTo(64.0 / 104, within(1e-9));
    assertThat(result.warnings()).anyMatch(w -> w.startsWith("Sentinel-1: " + 40 * 64 + " of " + 104 * 64 + " pixels"));
  }

  @Test
  void noUsableSentinel2ItemStopsWithOneLineAndWritesNothing() throws IOException {
    Path scene = copy("no-s2");
    for (int i = 0; i < 3; i++) {
      Files.delete(bandFile(s2Item(scene, i), "SCL"));
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "earlier");
    assertThatThrownBy(() -> ingest(scene, out)).isInstanceOf(IngestException.class)
        .hasMessageStartingWith("no usable Sentinel-2 acquisition (3 in the date range, 3 left out; first: ")
        .hasMessageContaining("SCL").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
  }

  @Test
  void noGediGranuleStopsBeforeAnyCompositing() {
    IngestSource withoutGedi = IngestSource.stac(clean.resolve("catalog.json"), dir.resolve("empty"));
    assertThatThrownBy(() -> SceneIngest.run(request(withoutGedi), dir.resolve("out"), ProgressListener.NONE))
        .isInstanceOf(IngestException.class).hasMessage(dir.resolve("empty") + ": not a folder (expected GEDI02_A *.h5 granules)");
    IngestSource noFolder = new IngestSource(withoutGedi.stac(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty());
    assertThatThrownBy(() -> SceneIngest.run(request(noFolder), dir.resolve("out"), ProgressListener.NONE))
        .isInstanceOf(IngestException.class).hasMessage(GediTargets.NO_GRANULES);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void unwritableOutputStopsWithOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    Path out = file.resolve("out");
    assertThatThrownBy(() -> ingest(clean, out)).isInstanceOf(IngestException.class)
        .hasMessageStartingWith(out + ": cannot write the output folder (");
  }

  // ---- helpers ----

  static IngestOptions options() {
    return IngestOptions.builder().tileSize(32).threads(2).build();
  }

  static IngestRequest request(IngestSource source) {
    return IngestRequest.builder(source).options(options()).build();
  }

  static IngestedScene ingest(Path scene, Path out) throws IOException {
    return SceneIngest.run(request(IngestSource.sceneFolder(scene)), out, ProgressListener.NONE);
  }

  static IngestProblem only(IngestedScene result, Stage stage) {
    List<IngestProblem> problems = result.problems().stream().filter(p -> p.stage() != Stage.GEDI
        || !p.message().contains("passed the filters")).toList();
    assertThat(problems).as("problems besides cloudy GEDI passes").hasSize(1);
    assertThat(problems.get(0).stage()).isEqualTo(stage);
    return problems.get(0);
  }

  Path copy(String name) throws IOException {
    Path target = dir.resolve(name);
    try (var walk = Files.walk(clean)) {
      for (Path p : walk.toList()) {
        Path to = target.resolve(clean.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  static Path s2Item(Path scene, int index) throws IOException {
    try (var walk = Files.walk(scene.resolve("sentinel-2-l2a"), 2)) {
      return walk.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("collection.json"))
          .sorted().toList().get(index);
    }
  }

  static Path bandFile(Path item, String key) throws IOException {
    String href = JSON.readTree(item.toFile()).get("assets").get(key).get("href").asText();
    return item.getParent().resolve(href).normalize();
  }

  static List<Path> gediFiles(Path scene) throws IOException {
    try (var files = Files.list(scene.resolve("gedi"))) {
      return files.sorted().toList();
    }
  }

  static float[] read(Path file, int band) throws IOException {
    try (GeoTiffReader r = GeoTiff.open(file)) {
      return r.read(r.grid().fullWindow(), band);
    }
  }

  static float[] nanToNodata(float[] values) {
    float[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Float.isNaN(out[i])) {
        out[i] = 0;
      }
    }
    return out;
  }
}

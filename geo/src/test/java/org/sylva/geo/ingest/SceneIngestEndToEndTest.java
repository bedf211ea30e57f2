package org.sylva.geo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.demo.DemoSceneWriter;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediFootprintTable;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.sentinel2.SclMask;
import org.sylva.geo.testing.ExternalTools;

/**
 * The whole path on a small demo scene (256², 4 Sentinel-2 and 4 Sentinel-1 dates) written by the
 * {@code sylva demo-scene} code: composites against an independent rasterio/numpy computation from the files,
 * GEDI footprints against the hidden truth, targets against a plain-loop rasterization of the footprint table.
 */
class SceneIngestEndToEndTest {

  @TempDir static Path dir;
  static DemoScene demo;
  static Path sceneFolder;
  static IngestedScene scene;
  static List<Long> progress = new ArrayList<>();

  @BeforeAll
  static void ingest() throws IOException {
    demo = DemoScene.generate(DemoSceneSpec.defaults(7).withSize(256).withDates(4, 4));
    sceneFolder = dir.resolve("scene");
    new DemoSceneWriter(demo, 2).write(sceneFolder, false, ProgressListener.NONE);
    // 96-pixel tiles: partial tiles at the edges, and tiles that do not line up with the 20 m pixels' pairs.
    IngestRequest request = IngestRequest.builder(IngestSource.sceneFolder(sceneFolder))
        .options(IngestOptions.builder().tileSize(96).threads(2).build()).build();
    scene = SceneIngest.run(request, dir.resolve("out"), (done, total, status) -> {
      synchronized (progress) {
        progress.add(done);
      }
    });
  }

  @Test
  void outputsAreCompleteNamedAndOnTheDemoGrid() throws IOException {
    // The demo has cloudy GEDI passes whose shots all fail quality_flag: reported as dead letters, nothing else.
    assertThat(scene.problems()).allSatisfy(p -> {
      assertThat(p.stage()).isEqualTo(IngestProblem.Stage.GEDI);
      assertThat(p.message()).startsWith(p.item() + ": no shot of").contains("passed the filters");
    });
    assertThat(scene.warnings()).isEmpty();
    assertThat(scene.grid()).isEqualTo(demo.grid());
    assertThat(scene.sentinel2Bands()).containsExactly("B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11",
        "B12", "B02_mean", "B03_mean", "B04_mean", "B05_mean", "B06_mean", "B07_mean", "B08_mean", "B8A_mean",
        "B11_mean", "B12_mean", "count");
    assertThat(scene.sentinel1Bands()).containsExactly("VV", "VH", "VV_VH", "VV_median", "VH_median", "VV_VH_median", "count");
    try (GeoTiffReader s2 = GeoTiff.open(scene.sentinel2Composite());
        GeoTiffReader s1 = GeoTiff.open(scene.sentinel1Composite());
        GeoTiffReader targets = GeoTiff.open(scene.targets())) {
      assertThat(s2.bandNames()).isEqualTo(scene.sentinel2Bands());
      assertThat(s2.nodata().getAsDouble()).isNaN();
      assertThat(s2.bandMetadata().get(0).unit()).hasValue("1");
      assertThat(s2.bandMetadata().get(0).items()).containsEntry("STATISTIC", "median");
      assertThat(s2.bandMetadata().get(12).items()).containsEntry("STATISTIC", "mean");
      assertThat(s2.metadata()).containsEntry("sensor", "Sentinel-2 L2A").containsEntry("observations", "4");
      assertThat(s1.bandMetadata().get(2).unit()).hasValue("dB");
      assertThat(s1.bandNames()).isEqualTo(scene.sentinel1Bands());
      assertThat(targets.bandNames()).containsExactly("rh95", "rh98", "count");
      assertThat(s2.overviewCount()).isPositive();
    }
    assertThat(scene.trueHeight()).hasValue(dir.resolve("out").resolve(SceneIngest.TRUE_HEIGHT_FILE));
    try (GeoTiffReader truth = GeoTiff.open(scene.trueHeight().get())) {
      assertThat(truth.read(truth.grid().fullWindow(), 0)).isEqualTo(demo.landscape().canopyHeight());
    }
    JsonNode report = new ObjectMapper().readTree(scene.report().toFile());
    assertThat(report.path("outputs").path("sentinel2Composite").path("file").asText()).isEqualTo(SceneIngest.SENTINEL2_FILE);
    assertThat(report.path("counts").path("sentinel2Used").asInt()).isEqualTo(4);
    assertThat(report.path("problems").size()).isEqualTo(scene.problems().size());
    try (var left = Files.list(dir.resolve("out"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(SceneIngest.SENTINEL2_FILE, SceneIngest.SENTINEL1_FILE, SceneIngest.FOOTPRINTS_FILE,
              SceneIngest.TARGETS_FILE, SceneIngest.TRUE_HEIGHT_FILE, SceneIngest.REPORT_FILE);
    }
    assertThat(progress).isSorted();
    assertThat(scene.counts().sentinel2Used()).isEqualTo(4);
    assertThat(scene.counts().sentinel1Used()).isEqualTo(4);
  }

  @Test
  void compositesEqualAnIndependentRasterioNumpyComputation() throws IOException {
    ExternalTools.requirePythonModules("rasterio", "numpy");
    String script;
    try (InputStream in = getClass().getResourceAsStream("composite_check.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String masked = SclMask.DEFAULT_MASKED.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    JsonNode report = new ObjectMapper().readTree(ExternalTools.python(script, sceneFolder.toString(),
        scene.sentinel2Composite().toString(), scene.sentinel1Composite().toString(), masked).trim());
    assertThat(report.path("sentinel2Dates").asInt()).isEqualTo(4);
    assertThat(report.path("sentinel1Dates").asInt()).isEqualTo(4);
    long pixels = demo.grid().pixelCount();
    for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().has("maxAbsDiff")) {
        // Reflectance ~0.01–0.6 through float32 DN, GDAL's and Sylva's bilinear weights and one rounding to
        // float32 (spacing 6e-8 at 0.5): 1e-6 leaves room for the order of operations, nothing for a wrong pixel.
        assertThat(e.getValue().path("maxAbsDiff").asDouble()).as(e.getKey()).isLessThan(1e-6);
        assertThat(e.getValue().path("nanMismatch").asInt()).as(e.getKey() + " NaN mismatches").isZero();
        assertThat(e.getValue().path("compared").asLong()).as(e.getKey()).isGreaterThan(pixels / 2);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = report.path("s1").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // dB of float32 linear power: 1e-4 dB is ~2e-5 relative in power, the float32/float64 gap of the means.
      assertThat(e.getValue().path("maxAbsDiff").asDouble()).as("S1 " + e.getKey()).isLessThan(1e-4);
      assertThat(e.getValue().path("nanMismatch").asInt()).as("S1 " + e.getKey()).isZero();
      assertThat(e.getValue().path("compared").asLong()).as("S1 " + e.getKey()).isEqualTo(pixels);
    }
    // The scene has clouds: masking must have removed observations somewhere, and kept some everywhere else.
    try (GeoTiffReader s2 = GeoTiff.open(scene.sentinel2Composite())) {
      float[] count = s2.read(s2.grid().fullWindow(), s2.bandNames().indexOf("count"));
      double mean = 0;
      for (float c : count) {
        mean += c / count.length;
      }
      assertThat(mean).isBetween(1.0, 3.9);
    }
  }

  @Test
  void footprintsLandOnTheTruthWithinTheSimulatedNoise() throws IOException {
    List<GediFootprint> footprints = GediFootprintTable.read(scene.footprints());
    assertThat(footprints).hasSize((int) scene.counts().footprints()).hasSizeGreaterThan(50);
    float[] truth = demo.landscape().canopyHeight();
    GridGeometry grid = demo.grid();
    // The simulator's RH98 of a kept shot is the tallest true height within the 12.5 m footprint plus N(0, 1.2 m)
    // (or the ~2.5 m ground return over bare ground). In stands taller than 5 m, the error must look like
    // that noise at the recorded position, and clearly worse a parcel away (stands are homogeneous over
    // hundreds of metres, so small shifts hardly change the tallest height).
    double[] atPosition = errors(footprints, truth, grid, 0);
    double[] shifted = errors(footprints, truth, grid, 250);
    assertThat(atPosition.length).isGreaterThan(30);
    double medianAbs = median(atPosition);
    assertThat(medianAbs).as("median |RH98 - truth| (N(0, 1.2) gives 0.81)").isLessThan(1.2);
    assertThat(percentile(atPosition, 0.95)).isLessThan(3.6); // 3σ
    assertThat(median(shifted)).isGreaterThan(1.5 * medianAbs);

    double coverage = scene.counts().targetPixels() / (double) grid.pixelCount();
    assertThat(coverage).as("share of pixels under a kept footprint (target 3.5 %)").isBetween(0.01, 0.08);
  }

  @Test
  void targetRasterIsTheFootprintTableBurntAsDiscs() throws IOException {
    List<GediFootprint> footprints = GediFootprintTable.read(scene.footprints());
    GridGeometry grid = demo.grid();
    int w = grid.width();
    double[] sum95 = new double[(int) grid.pixelCount()];
    double[] sum98 = new double[sum95.length];
    int[] count = new int[sum95.length];
    for (GediFootprint f : footprints) {
      for (int r = 0; r < grid.height(); r++) {
        for (int c = 0; c < w; c++) {
          double x = grid.transform().mapX(c + 0.5, r + 0.5);
          double y = grid.transform().mapY(c + 0.5, r + 0.5);
          if ((x - f.x()) * (x - f.x()) + (y - f.y()) * (y - f.y()) <= 12.5 * 12.5) {
            sum95[r * w + c] += f.rh95();
            sum98[r * w + c] += f.rh98();
            count[r * w + c]++;
          }
        }
      }
    }
    try (GeoTiffReader targets = GeoTiff.open(scene.targets())) {
      float[] rh95 = targets.read(grid.fullWindow(), 0);
      float[] rh98 = targets.read(grid.fullWindow(), 1);
      float[] n = targets.read(grid.fullWindow(), 2);
      long hit = 0;
      for (int i = 0; i < count.length; i++) {
        assertThat(n[i]).as("count at %d", i).isEqualTo((float) count[i]);
        if (count[i] == 0) {
          assertThat(rh98[i]).isNaN();
        } else {
          hit++;
          assertThat((double) rh98[i]).isCloseTo(sum98[i] / count[i], within(1e-4));
          assertThat((double) rh95[i]).isCloseTo(sum95[i] / count[i], within(1e-4));
        }
      }
      assertThat(hit).isEqualTo(scene.counts().targetPixels());
    }
  }

  /** |RH98 − tallest truth within 12.5 m| for shots over stands taller than 5 m, positions moved east by {@code dx}. */
  private static double[] errors(List<GediFootprint> footprints, float[] truth, GridGeometry grid, double dx) {
    List<Double> errors = new ArrayList<>();
    for (GediFootprint f : footprints) {
      double top = -1;
      double col = grid.transform().col(f.x() + dx, f.y());
      double row = grid.transform().row(f.x() + dx, f.y());
      for (int r = (int) Math.floor(row - 2); r <= (int) Math.floor(row + 2); r++) {
        for (int c = (int) Math.floor(col - 2); c <= (int) Math.floor(col + 2); c++) {
          double ex = (c + 0.5 - col) * 10;
          double ey = (r + 0.5 - row) * 10;
          if (c >= 0 && r >= 0 && c < grid.width() && r < grid.height() && ex * ex + ey * ey <= 12.5 * 12.5) {
            top = Math.max(top, truth[r * grid.width() + c]);
          }
        }
      }
      if (top > 5) {
        errors.add(Math.abs(f.rh98() - top));
      }
    }
    return errors.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}

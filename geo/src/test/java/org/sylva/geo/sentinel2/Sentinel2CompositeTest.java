package org.sylva.geo.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.composite.InMemoryCompositeSink;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ReprojectionSampler;
import org.sylva.geo.composite.TemporalCompositor;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.testing.ExternalTools;

/**
 * Sentinel-2 composites against an independent numpy computation (composite_reference.py) on a small
 * scene: 10 m and 20 m bands, SCL clouds/shadows, DN 0 nodata, scenes before and after baseline 04.00.
 */
class Sentinel2CompositeTest {

  static final int W = 40;
  static final int H = 30;
  static final List<Sentinel2Band> BANDS = List.of(Sentinel2Band.B04, Sentinel2Band.B05, Sentinel2Band.B11);
  /** SCL classes drawn for the scene: mostly clear vegetation/soil, plus every masked class. */
  static final int[] SCL_CLASSES = {4, 4, 4, 4, 5, 5, 6, 2, 7, 8, 9, 3, 10, 0, 11, 1};

  @TempDir Path dir;

  static GridGeometry grid(double pixel) throws Exception {
    int k = (int) (pixel / 10);
    return new GridGeometry(CRS.forCode("EPSG:32630"), GeoTransform.northUp(600_000, 5_000_000, pixel, pixel), W / k, H / k);
  }

  /** A scene with random DN (3 % zeros) and random SCL; offset −1000 from index 2 on. */
  static Sentinel2Scene scene(int index, Random random, boolean allCloud) throws Exception {
    Map<Sentinel2Band, RasterSource> bands = new EnumMap<>(Sentinel2Band.class);
    for (Sentinel2Band band : BANDS) {
      GridGeometry g = grid(band.resolutionMetres());
      float[] dn = new float[(int) g.pixelCount()];
      for (int i = 0; i < dn.length; i++) {
        dn[i] = random.nextInt(100) < 3 ? 0 : 1000 + random.nextInt(4000);
      }
      bands.put(band, ArrayRasterSource.of(band.name(), g, DataType.UINT16, OptionalDouble.of(0), dn));
    }
    GridGeometry g20 = grid(20);
    float[] scl = new float[(int) g20.pixelCount()];
    for (int i = 0; i < scl.length; i++) {
      scl[i] = allCloud ? 9 : SCL_CLASSES[random.nextInt(SCL_CLASSES.length)];
    }
    BoaOffset offset = index >= 2 ? new BoaOffset(-1000, "baseline 05.09") : new BoaOffset(0, "baseline 03.01");
    return new Sentinel2Scene("scene" + index, Instant.parse("2023-05-01T10:00:00Z").plusSeconds(86400L * 10 * index),
        bands, ArrayRasterSource.of("SCL", g20, DataType.UINT8, OptionalDouble.of(0), scl), offset);
  }

  static InMemoryCompositeSink composite(List<Sentinel2Scene> scenes, int tileSize, int threads) throws Exception {
    List<Observation> observations = new ArrayList<>();
    for (Sentinel2Scene s : scenes) {
      observations.add(new Sentinel2Observation(s, BANDS, SclMask.defaults(), new ReprojectionSampler()));
    }
    InMemoryCompositeSink sink = new InMemoryCompositeSink();
    TemporalCompositor.builder().grid(grid(10)).tileSize(tileSize).threads(threads)
        .dateRange(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
        .description("test S2 composite").build()
        .run(observations, sink, (done, total, status) -> { });
    return sink;
  }

  @Test
  void meanMedianAndCountEqualNumpyReference() throws Exception {
    ExternalTools.requirePythonModules("numpy");
    Random random = new Random(7);
    List<Sentinel2Scene> scenes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      scenes.add(scene(i, random, false));
    }
    // 16-pixel tiles over 40 × 30: partial tiles on both edges, tiles starting at odd 20 m offsets; 2 threads.
    InMemoryCompositeSink sink = composite(scenes, 16, 2);
    // Median is the primary statistic (plain band names), the mean follows with a suffix.
    assertThat(sink.layout().bandNames()).containsExactly("B04", "B05", "B11", "B04_mean", "B05_mean", "B11_mean",
        "count");

    writeForPython(scenes);
    String script;
    try (InputStream in = getClass().getResourceAsStream("composite_reference.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(ExternalTools.python(script, dir.toString())).contains("ok");

    assertSame(sink.band("count"), readF64("ref_count.f64"), 0);
    int nan = 0;
    for (Sentinel2Band band : BANDS) {
      for (String stat : List.of("mean", "median")) {
        float[] actual = sink.band(stat.equals("median") ? band.name() : band + "_" + stat);
        double[] expected = readF64("ref_" + band + "_" + stat + ".f64");
        // Reflectances ~0.0–0.5 through a few float32 roundings (DN, interpolation, offset): < 1e-6 apart.
        assertSame(actual, expected, 1e-6);
        for (float v : actual) {
          nan += Float.isNaN(v) ? 1 : 0;
        }
      }
    }
    assertThat(nan).as("some pixels are masked in every scene, so the test covers nodata").isPositive();
    assertThat(sink.report().pixelsWithoutObservation()).isPositive();
  }

  @Test
  void allCloudStackGivesNodataAndAWarning() throws Exception {
    Random random = new Random(3);
    InMemoryCompositeSink sink = composite(List.of(scene(0, random, true), scene(3, random, true)), 512, 1);
    assertThat(allNaN(sink.band("B04_mean"))).isTrue();
    assertThat(allNaN(sink.band("B11"))).isTrue();
    assertThat(sink.band("count")).containsOnly(0f);
    assertThat(sink.report().warnings()).singleElement().asString().contains("no valid observation for any pixel");
  }

  @Test
  void resultDoesNotDependOnTilingOrThreads() throws Exception {
    List<Sentinel2Scene> scenes = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < 4; i++) {
      scenes.add(scene(i, random, false));
    }
    InMemoryCompositeSink whole = composite(scenes, 512, 1);
    InMemoryCompositeSink tiled = composite(scenes, 17, 3);
    for (String band : whole.layout().bandNames()) {
      assertThat(tiled.band(band)).isEqualTo(whole.band(band));
    }
  }

  private void writeForPython(List<Sentinel2Scene> scenes) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("width", W);
    manifest.put("height", H);
    manifest.put("masked", SclMask.DEFAULT_MASKED);
    manifest.put("bands", BANDS.stream().map(Enum::name).toList());
    List<Object> list = new ArrayList<>();
    for (Sentinel2Scene s : scenes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      Map<String, String> files = new LinkedHashMap<>();
      Map<String, Integer> factors = new LinkedHashMap<>();
      for (Sentinel2Band band : BANDS) {
        String name = s.id() + "_" + band + ".f32";
        writeF32(name, s.band(band));
        files.put(band.name(), name);
        factors.put(band.name(), band.resolutionMetres() / 10);
      }
      writeF32(s.id() + "_SCL.f32", s.scl());
      entry.put("files", files);
      entry.put("factors", factors);
      entry.put("scl", s.id() + "_SCL.f32");
      entry.put("scl_factor", 2);
      entry.put("offset", s.boaOffset().offsetDn());
      list.add(entry);
    }
    manifest.put("scenes", list);
    new ObjectMapper().writeValue(dir.resolve("manifest.json").toFile(), manifest);
  }

  private void writeF32(String name, RasterSource source) throws IOException {
    float[] values = source.read(source.grid().fullWindow(), 0);
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    Files.write(dir.resolve(name), buffer.array());
  }

  private double[] readF64(String name) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name))).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[buffer.remaining() / 8];
    buffer.asDoubleBuffer().get(out);
    return out;
  }

  private static boolean allNaN(float[] values) {
    for (float v : values) {
      if (!Float.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  private static void assertSame(float[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < actual.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(actual[i]).as("pixel %d", i).isNaN();
      } else {
        assertThat((double) actual[i]).as("pixel %d", i).isCloseTo(expected[i], within(tolerance));
      }
    }
  }
}

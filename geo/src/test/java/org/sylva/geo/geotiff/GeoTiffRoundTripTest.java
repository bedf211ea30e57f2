package org.sylva.geo.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterBlock;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.testing.TestRasters;

/** Write → read round trips: pixels, grid, nodata and metadata come back identical, files are deterministic. */
class GeoTiffRoundTripTest {

  private static final int W = 700;
  private static final int H = 500;

  @TempDir Path dir;

  private static float nodataFor(DataType type) {
    return switch (type) {
      case UINT8 -> 255;
      case INT16 -> -32768;
      case UINT16 -> 0;
      case FLOAT32 -> -9999;
    };
  }

  private static float[] samples(DataType type, long seed) {
    float[] v = switch (type) {
      case UINT8 -> TestRasters.terrain(W, H, 120, 100, 40, 10, seed);
      case INT16 -> TestRasters.terrain(W, H, 0, 3000, 40, 50, seed);
      case UINT16 -> TestRasters.terrain(W, H, 4000, 3000, 40, 50, seed);
      case FLOAT32 -> TestRasters.terrain(W, H, 25, 10, 40, 0.5, seed);
    };
    v = TestRasters.asType(v, type);
    TestRasters.hole(v, W, 100, 80, 60, 30, nodataFor(type));
    return v;
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void everyDataTypeRoundTripsExactly(DataType type) throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(type, 7);
    GeoTiffProfile profile = GeoTiffProfile.builder(type, 1).bandNames("B04").unit("m").nodata(nodataFor(type))
        .tileSize(256).metadata("source", "round trip").build();
    Path file = TestRasters.write(dir.resolve(type + ".tif"), grid, profile, pixels);

    try (GeoTiffReader r = GeoTiff.open(file)) {
      assertThat(r.grid()).isEqualTo(grid);
      assertThat(r.grid().crsLabel()).isEqualTo("EPSG:32630");
      assertThat(r.dataType()).isEqualTo(type);
      assertThat(r.nodata()).hasValue(nodataFor(type));
      assertThat(r.bandNames()).containsExactly("B04");
      assertThat(r.bandMetadata().get(0).unit()).contains("m");
      assertThat(r.metadata()).containsEntry("source", "round trip");
      TestRasters.assertSameSamples(r.read(grid.fullWindow(), 0), pixels);
      ImageStructure s = r.structure();
      assertThat(s.tiled()).isTrue();
      assertThat(s.blockWidth()).isEqualTo(256);
      assertThat(s.compression()).isEqualTo(Compression.DEFLATE);
      assertThat(s.predictor()).isEqualTo(type == DataType.FLOAT32 ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL);
      assertThat(r.declaresCogLayout()).isTrue();
      // GDAL sizes overviews by halving and rounding down until the last fits one tile: 350x250, 175x125.
      assertThat(r.overviewStructures()).extracting(ImageStructure::width, ImageStructure::height)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(350, 250), org.assertj.core.groups.Tuple.tuple(175, 125));
    }
  }

  @Test
  void windowsReadOnlyWhatTheyCover() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.FLOAT32, 3);
    Path file = TestRasters.write(dir.resolve("w.tif"), grid,
        GeoTiffProfile.builder(DataType.FLOAT32, 1).tileSize(256).noOverviews().build(), pixels);
    PixelWindow window = new PixelWindow(250, 130, 300, 200);
    try (GeoTiffReader r = GeoTiff.open(file)) {
      float[] got = r.read(window, 0);
      for (int row = 0; row < window.height(); row++) {
        for (int col = 0; col < window.width(); col++) {
          assertThat(got[row * window.width() + col]).isEqualTo(pixels[(window.row() + row) * W + window.col() + col]);
        }
      }
    }
  }

  @Test
  void multiBandPixelInterleavedRoundTripsAndReadsAllBandsAtOnce() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 20);
    float[][] bands = new float[3][];
    for (int b = 0; b < 3; b++) {
      bands[b] = TestRasters.asType(TestRasters.terrain(W, H, 3000 + 500 * b, 1500, 30 + 5 * b, 40, b), DataType.UINT16);
    }
    GeoTiffProfile profile = GeoTiffProfile.builder(DataType.UINT16, 3).bandNames("B02", "B03", "B04").tileSize(256).build();
    Path file = TestRasters.write(dir.resolve("rgb.tif"), grid, profile, bands);
    try (GeoTiffReader r = GeoTiff.open(file)) {
      assertThat(r.structure().interleave()).isEqualTo(Interleave.PIXEL);
      assertThat(r.bandNames()).containsExactly("B02", "B03", "B04");
      RasterBlock block = r.read(new PixelWindow(0, 0, W, H));
      for (int b = 0; b < 3; b++) {
        TestRasters.assertSameSamples(block.band(b), bands[b]);
        TestRasters.assertSameSamples(r.read(grid.fullWindow(), b), bands[b]);
      }
    }
  }

  @Test
  void randomWindowOrderAndThreadCountGiveTheSameBytes() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.FLOAT32, 11);
    GeoTiffProfile.Builder profile = GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).tileSize(256);
    Path inOrder = TestRasters.write(dir.resolve("ordered.tif"), grid, profile.threads(2).build(), pixels);

    // Irregular windows (not tile-aligned) written in shuffled order, on one compression thread.
    List<PixelWindow> windows = new ArrayList<>();
    int[] cuts = {0, 97, 230, 301, 512, 640, W};
    int[] rowCuts = {0, 55, 190, 256, 333, H};
    for (int i = 0; i + 1 < rowCuts.length; i++) {
      for (int j = 0; j + 1 < cuts.length; j++) {
        windows.add(new PixelWindow(cuts[j], rowCuts[i], cuts[j + 1] - cuts[j], rowCuts[i + 1] - rowCuts[i]));
      }
    }
    Collections.shuffle(windows, new Random(42));
    Path shuffled = dir.resolve("shuffled.tif");
    try (GeoTiffWriter w = GeoTiff.create(shuffled, grid, profile.threads(1).build())) {
      for (PixelWindow win : windows) {
        w.write(win, 0, crop(pixels, W, win));
      }
      w.commit();
    }
    Path again = TestRasters.write(dir.resolve("again.tif"), grid, profile.threads(2).build(), pixels);
    assertThat(Files.readAllBytes(shuffled)).isEqualTo(Files.readAllBytes(inOrder));
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(inOrder));
  }

  @Test
  void overviewsAreNodataAwareAveragesOfTheLevelBelow() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.FLOAT32, 5);
    Path file = TestRasters.write(dir.resolve("ovr.tif"), grid,
        GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).tileSize(256).overviews(Resampling.AVERAGE).build(), pixels);
    try (GeoTiffReader r = GeoTiff.open(file)) {
      float[] ovr = r.overview(0).read(new PixelWindow(0, 0, 350, 250), 0);
      assertThat(r.overview(0).grid().transform().pixelWidth()).isEqualTo(20.0);
      for (int j = 0; j < 250; j++) {
        for (int i = 0; i < 350; i++) {
          double sum = 0;
          int n = 0;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              float v = pixels[(2 * j + dy) * W + 2 * i + dx];
              if (v != -9999f) {
                sum += v;
                n++;
              }
            }
          }
          float expected = n == 0 ? -9999f : (float) (sum / n);
          // With nodata GDAL (and Sylva) average in double and round once to float: exact up to that rounding.
          if (Math.abs(ovr[j * 350 + i] - expected) > 1e-5f) {
            throw new AssertionError("overview pixel (" + i + ", " + j + "): " + ovr[j * 350 + i] + " != " + expected);
          }
        }
      }
      assertThat(ovr[(90 / 2) * 350 + 130 / 2]).isEqualTo(-9999f); // inside the nodata hole
    }
  }

  @Test
  void rotatedAndGeographicGridsRoundTrip() throws IOException {
    GridGeometry rotated = new GridGeometry(Crs.epsg(32630), new GeoTransform(600000, 9.9, 0.5, 4950000, 0.4, -10.1), 300, 200);
    GridGeometry geographic = new GridGeometry(Crs.epsg(4326), GeoTransform.northUp(-1.2, 44.6, 0.0002, 0.0002), 300, 200);
    for (GridGeometry grid : List.of(rotated, geographic)) {
      float[] pixels = TestRasters.terrain(300, 200, 10, 5, 20, 0, 1);
      Path file = TestRasters.write(dir.resolve("g" + grid.hashCode() + ".tif"), grid,
          GeoTiffProfile.builder(DataType.FLOAT32, 1).build(), pixels);
      try (GeoTiffReader r = GeoTiff.open(file)) {
        assertThat(r.grid()).isEqualTo(grid);
        TestRasters.assertSameSamples(r.read(grid.fullWindow(), 0), pixels);
      }
    }
    try (GeoTiffReader r = GeoTiff.open(dir.resolve("g" + geographic.hashCode() + ".tif"))) {
      assertThat(Crs.label(r.grid().crs())).isEqualTo("EPSG:4326");
      assertThat(r.grid().crs().getCoordinateSystem().getAxis(0).getDirection().name()).isEqualTo("EAST");
    }
  }

  @Test
  void bigTiffAndUncompressedVariantsReadBack() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.INT16, 9);
    for (GeoTiffProfile profile : List.of(
        GeoTiffProfile.builder(DataType.INT16, 1).nodata(-32768).bigTiff(GeoTiffProfile.BigTiff.YES).build(),
        GeoTiffProfile.builder(DataType.INT16, 1).nodata(-32768).compression(Compression.NONE).tileSize(128).build())) {
      Path file = TestRasters.write(dir.resolve("v" + profile.hashCode() + ".tif"), grid, profile, pixels);
      try (GeoTiffReader r = GeoTiff.open(file)) {
        assertThat(r.isBigTiff()).isEqualTo(profile.bigTiff() == GeoTiffProfile.BigTiff.YES);
        assertThat(r.structure().compression()).isEqualTo(profile.compression());
        TestRasters.assertSameSamples(r.read(grid.fullWindow(), 0), pixels);
      }
    }
  }

  @Test
  void oldStyleDeflateCodeReadsAsDeflate() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.UINT8, 2);
    Path file = TestRasters.write(dir.resolve("old.tif"), grid, GeoTiffProfile.builder(DataType.UINT8, 1).nodata(255).build(), pixels);
    TiffPatch.setShort(file, TiffTags.COMPRESSION, Compression.DEFLATE_OLD_CODE);
    try (GeoTiffReader r = GeoTiff.open(file)) {
      assertThat(r.structure().compression()).isEqualTo(Compression.DEFLATE);
      TestRasters.assertSameSamples(r.read(grid.fullWindow(), 0), pixels);
    }
  }

  @Test
  void concurrentReadsOfDifferentWindowsAgreeWithSequentialReads() throws Exception {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    float[] pixels = samples(DataType.UINT16, 13);
    Path file = TestRasters.write(dir.resolve("c.tif"), grid,
        GeoTiffProfile.builder(DataType.UINT16, 1).nodata(0).tileSize(128).build(), pixels);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (GeoTiffReader r = GeoTiff.open(file)) {
      List<Future<Boolean>> results = new ArrayList<>();
      Random random = new Random(1);
      for (int k = 0; k < 40; k++) {
        PixelWindow win = new PixelWindow(random.nextInt(W - 100), random.nextInt(H - 100), 1 + random.nextInt(100), 1 + random.nextInt(100));
        results.add(pool.submit(() -> java.util.Arrays.equals(r.read(win, 0), crop(pixels, W, win))));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noCommitMeansNoFile() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    Path target = dir.resolve("never.tif");
    try (GeoTiffWriter w = GeoTiff.create(target, grid, GeoTiffProfile.builder(DataType.FLOAT32, 1).build())) {
      w.write(new PixelWindow(0, 0, W, 100), 0, new float[W * 100]);
    }
    assertThat(target).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void incompleteRasterCannotBeCommittedAndLeavesNothing() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    Path target = dir.resolve("partial.tif");
    try (GeoTiffWriter w = GeoTiff.create(target, grid, GeoTiffProfile.builder(DataType.FLOAT32, 1).build())) {
      w.write(new PixelWindow(0, 0, W, H - 1), 0, new float[W * (H - 1)]);
      assertThatThrownBy(w::commit).isInstanceOf(IOException.class)
          .hasMessageContaining("partial.tif").hasMessageContaining("incomplete");
    }
    assertThat(target).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void writingAPixelTwiceIsRejected() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 10);
    try (GeoTiffWriter w = GeoTiff.create(dir.resolve("twice.tif"), grid, GeoTiffProfile.builder(DataType.FLOAT32, 1).build())) {
      w.write(new PixelWindow(0, 0, 10, 10), 0, new float[100]);
      assertThatThrownBy(() -> w.write(new PixelWindow(5, 5, 10, 10), 0, new float[100]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second time");
    }
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  static float[] crop(float[] pixels, int width, PixelWindow w) {
    float[] out = new float[(int) w.pixelCount()];
    for (int r = 0; r < w.height(); r++) {
      System.arraycopy(pixels, (w.row() + r) * width + w.col(), out, r * w.width(), w.width());
    }
    return out;
  }
}

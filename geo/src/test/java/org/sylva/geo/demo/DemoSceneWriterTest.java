package org.sylva.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.gedi.GediL2aReader;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.sentinel1.Sentinel1Folder;
import org.sylva.geo.sentinel2.Sentinel2Assets;
import org.sylva.geo.sentinel2.Sentinel2Band;
import org.sylva.geo.sentinel2.Sentinel2Folder;
import org.sylva.geo.stac.StacItem;
import org.sylva.geo.stac.StacReader;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.geo.testing.TestRasters;

/** The demo scene on disk: real formats, readable by Sylva's readers and rasterio, deterministic, atomic. */
class DemoSceneWriterTest {

  static final DemoSceneSpec SPEC = DemoSceneSpec.defaults(5).withSize(128).withDates(2, 3);

  @TempDir static Path dir;
  static DemoScene scene;
  static Path written;

  @BeforeAll
  static void writeOnce() throws IOException {
    scene = DemoScene.generate(SPEC);
    written = dir.resolve("scene");
    new DemoSceneWriter(scene, 2).write(written, false, ProgressListener.NONE);
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path again = dir.resolve("again");
    new DemoSceneWriter(DemoScene.generate(SPEC), 1).write(again, false, ProgressListener.NONE);
    Map<String, byte[]> a = contents(written);
    Map<String, byte[]> b = contents(again);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String file : a.keySet()) {
      assertThat(b.get(file)).as(file).isEqualTo(a.get(file));
    }
    assertThat(a.keySet()).contains("catalog.json", "scene.json", "truth/canopy_height.tif", "truth/cover_type.tif")
        .anyMatch(f -> f.matches("gedi/GEDI02_A_\\d{13}_O\\d{5}_02_T\\d{5}_02_003_02_V002\\.h5"));
  }

  @Test
  void stacCatalogLinksEveryItemAndFoldersScanToo() throws IOException {
    List<StacItem> items = StacReader.readAll(written.resolve("catalog.json"));
    assertThat(items).hasSize(5);
    List<StacItem> s2 = items.stream().filter(i -> i.collection().orElseThrow().equals("sentinel-2-l2a")).toList();
    assertThat(s2).hasSize(2);
    for (StacItem item : s2) {
      var assets = Sentinel2Assets.map(item, List.of(Sentinel2Band.values()));
      assertThat(assets).hasSize(11);
      assertThat(item.properties().path("s2:processing_baseline").asText()).isEqualTo(DemoScene.PROCESSING_BASELINE);
      assertThat(item.properties().path("proj:epsg").asInt()).isEqualTo(32630);
      assertThat(assets.get(Sentinel2Band.B8A).localPath().orElseThrow()).exists();
    }
    StacItem s1 = items.stream().filter(i -> i.collection().orElseThrow().equals("sentinel-1-rtc")).findFirst().orElseThrow();
    assertThat(s1.properties().path("sar:polarizations").toString()).isEqualTo("[\"VV\",\"VH\"]");
    assertThat(s1.assets().get("vv").rasterBands().get(0).path("unit").asText()).isEqualTo("linear power");

    assertThat(Sentinel2Folder.scan(written.resolve("sentinel-2-l2a"))).hasSize(2)
        .allSatisfy(a -> assertThat(a.files()).hasSize(11));
    assertThat(Sentinel1Folder.scan(written.resolve("sentinel-1-rtc"))).hasSize(3)
        .allSatisfy(a -> assertThat(a.files()).hasSize(2));
  }

  @Test
  void filesHoldTheSceneArraysInTheirNativeTypesAndGrids() throws IOException {
    DemoScene.Sentinel2Date date = scene.sentinel2(1);
    Path folder = written.resolve("sentinel-2-l2a").resolve(date.id());
    try (GeoTiffReader b04 = GeoTiff.open(single(folder, "_B04_10m.tif"));
        GeoTiffReader b11 = GeoTiff.open(single(folder, "_B11_20m.tif"));
        GeoTiffReader scl = GeoTiff.open(single(folder, "_SCL_20m.tif"))) {
      assertThat(b04.dataType()).isEqualTo(DataType.UINT16);
      assertThat(b04.nodata()).hasValue(0);
      assertThat(b04.grid()).isEqualTo(scene.grid());
      assertThat(b11.grid()).isEqualTo(scene.grid20m());
      assertThat(scl.dataType()).isEqualTo(DataType.UINT8);
      TestRasters.assertSameSamples(b04.read(b04.grid().fullWindow(), 0),
          date.bands().get(Sentinel2Band.B04).read(scene.grid().fullWindow(), 0));
      TestRasters.assertSameSamples(b11.read(b11.grid().fullWindow(), 0),
          date.bands().get(Sentinel2Band.B11).read(scene.grid20m().fullWindow(), 0));
      TestRasters.assertSameSamples(scl.read(scl.grid().fullWindow(), 0), date.scl().read(scene.grid20m().fullWindow(), 0));
    }
    var s1 = scene.sentinel1(2);
    try (GeoTiffReader vh = GeoTiff.open(written.resolve("sentinel-1-rtc").resolve(s1.id()).resolve("iw-vh.rtc.tif"));
        GeoTiffReader truth = GeoTiff.open(written.resolve(DemoSceneWriter.TRUE_HEIGHT))) {
      assertThat(vh.dataType()).isEqualTo(DataType.FLOAT32);
      assertThat(vh.bandMetadata().get(0).unit()).hasValue("linear power");
      TestRasters.assertSameSamples(vh.read(vh.grid().fullWindow(), 0), s1.vh().read(scene.grid().fullWindow(), 0));
      assertThat(truth.bandNames()).containsExactly("canopy_height");
      assertThat(truth.bandMetadata().get(0).unit()).hasValue("m");
      TestRasters.assertSameSamples(truth.read(truth.grid().fullWindow(), 0), scene.landscape().canopyHeight());
    }
    long shots = 0;
    try (var files = Files.list(written.resolve("gedi"))) {
      for (Path granule : files.sorted().toList()) {
        try (GediL2aReader reader = GediL2aReader.open(granule)) {
          for (var beam : reader.beams()) {
            shots += reader.shotCount(beam);
          }
        }
      }
    }
    assertThat(shots).isEqualTo(scene.gedi().stream().mapToLong(DemoScene.GediGranule::shots).sum()).isPositive();
  }

  @Test
  void rasterioReadsTheBandsWithTheirNodataAndCrs() throws IOException {
    ExternalTools.requirePythonModules("rasterio");
    DemoScene.Sentinel2Date date = scene.sentinel2(0);
    Path b8a = single(written.resolve("sentinel-2-l2a").resolve(date.id()), "_B8A_20m.tif");
    String out = ExternalTools.python("""
        import sys, rasterio
        with rasterio.open(sys.argv[1]) as src:
            a = src.read(1)
            print(src.crs.to_epsg(), src.dtypes[0], src.nodata, src.res[0], src.descriptions[0], int(a.sum()), len(src.overviews(1)) >= 0)
        """, b8a.toString()).trim();
    long sum = 0;
    for (float v : date.bands().get(Sentinel2Band.B8A).read(scene.grid20m().fullWindow(), 0)) {
      sum += (long) v;
    }
    assertThat(out).isEqualTo("32630 uint16 0.0 20.0 B8A " + sum + " True");
  }

  @Test
  void anExistingFolderIsRefusedAndAFailedRunLeavesNothing() throws IOException {
    Path taken = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(taken.resolve("keep.txt"), "mine");
    DemoSceneWriter writer = new DemoSceneWriter(DemoScene.generate(DemoSceneSpec.defaults(1).withSize(64).withDates(1, 1)), 2);
    assertThatThrownBy(() -> writer.write(taken, false, ProgressListener.NONE))
        .hasMessage(taken.toAbsolutePath() + ": folder exists and is not empty (choose another folder or replace it)");
    assertThat(Files.readString(taken.resolve("keep.txt"))).isEqualTo("mine");

    Path target = dir.resolve("interrupted");
    ProgressListener failing = (done, total, status) -> {
      if (done == 2) {
        throw new IllegalStateException("stopped by the test");
      }
    };
    assertThatThrownBy(() -> writer.write(target, false, failing)).hasMessageContaining("stopped by the test");
    assertThat(target).doesNotExist();
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".interrupted"));
    }
  }

  private static Path single(Path folder, String suffix) throws IOException {
    try (var files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      out.put(root.relativize(f).toString(), Files.readAllBytes(f));
    }
    return out;
  }
}

package org.sylva.geo.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.sylva.geo.gedi.GediWriter;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.sentinel1.Sentinel1Scene;
import org.sylva.geo.sentinel2.Sentinel2Band;
import org.sylva.geo.stac.StacWriter;

/**
 * Writes a {@link DemoScene} to a folder in the formats real downloads come in, so the ingestion reads it
 * exactly as it reads Planetary Computer or Earth Search data:
 *
 * <pre>
 * catalog.json                                   STAC Catalog → the two collections (relative hrefs)
 * sentinel-2-l2a/collection.json                 → one Item per date
 * sentinel-2-l2a/&lt;item id&gt;/&lt;item id&gt;.json        assets B02 … B12, B8A, SCL keyed as Planetary Computer
 * sentinel-2-l2a/&lt;item id&gt;/T30TXQ_&lt;date&gt;_B04_10m.tif  uint16 DN COGs, nodata 0, 10 m bands on the 10 m grid,
 *                                                20 m bands and SCL (uint8) on the 20 m grid
 * sentinel-1-rtc/collection.json, &lt;item id&gt;/…    VV/VH linear gamma0 float32 COGs (iw-vv.rtc.tif, iw-vh.rtc.tif)
 * gedi/GEDI02_A_&lt;yyyydddhhmmss&gt;_O&lt;orbit&gt;_02_T&lt;track&gt;_02_003_02_V002.h5   GEDI02_A-layout HDF5 granules
 * truth/canopy_height.tif                        hidden truth, float32 COG, metres
 * truth/cover_type.tif                           land cover codes (uint8, see the band metadata)
 * scene.json                                     the scene parameters
 * </pre>
 *
 * <p>Deterministic: the same spec gives byte-identical files (every random draw is seeded, no timestamps are
 * written, COG and JSON output is ordered). Atomic: everything is built in a hidden folder beside the target
 * and renamed into place at the end, so an interrupted run leaves no half scene. Dates are generated and
 * written in parallel by a bounded pool; memory grows with the pool (one Sentinel-2 date of the 2000² scene
 * holds ~250 MB while it is simulated).
 */
public final class DemoSceneWriter {

  public static final String CATALOG = "catalog.json";
  public static final String SENTINEL2_COLLECTION = "sentinel-2-l2a";
  public static final String SENTINEL1_COLLECTION = "sentinel-1-rtc";
  public static final String GEDI_FOLDER = "gedi";
  public static final String TRUTH_FOLDER = "truth";
  public static final String TRUE_HEIGHT = TRUTH_FOLDER + "/canopy_height.tif";
  public static final String COVER_TYPE = TRUTH_FOLDER + "/cover_type.tif";
  public static final String SCENE_JSON = "scene.json";

  /** Bytes one Sentinel-2 date holds per pixel of the 10 m grid while it is simulated and written. */
  private static final long BYTES_PER_PIXEL_AND_TASK = 64;

  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final List<String> S2_EXTENSIONS = List.of(
      "https://stac-extensions.github.io/eo/v1.0.0/schema.json",
      "https://stac-extensions.github.io/projection/v1.0.0/schema.json",
      "https://stac-extensions.github.io/sat/v1.0.0/schema.json");
  private static final List<String> S1_EXTENSIONS = List.of(
      "https://stac-extensions.github.io/sar/v1.0.0/schema.json",
      "https://stac-extensions.github.io/projection/v1.0.0/schema.json",
      "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
      "https://stac-extensions.github.io/sat/v1.0.0/schema.json");
  /** Planetary Computer's nodata for sentinel-1-rtc float32 COGs. */
  private static final double S1_NODATA = -32768;

  /** What was written: counts for the command's summary. */
  public record Summary(Path folder, int sentinel2Items, int sentinel1Items, int gediGranules, long gediShots,
      long bytes) {}

  private final DemoScene scene;
  private final int threads;

  /** @param threads dates written at once (bounded by the heap: each holds a date's arrays) */
  public DemoSceneWriter(DemoScene scene, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.scene = scene;
    long perTask = BYTES_PER_PIXEL_AND_TASK * scene.grid().pixelCount();
    long affordable = Math.max(1, (Runtime.getRuntime().maxMemory() - 256L * 1024 * 1024) / Math.max(1, perTask));
    this.threads = (int) Math.min(threads, affordable);
  }

  /** Dates written at once after bounding by the heap. */
  public int threads() {
    return threads;
  }

  /**
   * Writes the scene into {@code folder}, which must not exist or be empty unless {@code replace}; progress
   * counts written items (dates, the GEDI granules, the truth).
   */
  public Summary write(Path folder, boolean replace, ProgressListener progress) throws IOException {
    int s2 = scene.spec().sentinel2Dates();
    int s1 = scene.spec().sentinel1Dates();
    long total = s2 + s1 + 2;
    AtomicLong done = new AtomicLong();
    long[] gediShots = new long[1];
    int[] granules = new int[1];
    AtomicOutput.writeDirectory(folder, replace, dir -> {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "demo-scene-writer");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<String>> tasks = new ArrayList<>();
        tasks.add(pool.submit(() -> {
          writeTruth(dir);
          return "truth";
        }));
        tasks.add(pool.submit(() -> {
          List<DemoScene.GediGranule> all = writeGedi(dir);
          granules[0] = all.size();
          gediShots[0] = all.stream().mapToLong(DemoScene.GediGranule::shots).sum();
          return "GEDI " + all.size() + " granules";
        }));
        for (int i = 0; i < s2; i++) {
          int index = i;
          tasks.add(pool.submit(() -> "S2 " + writeSentinel2(dir, index)));
        }
        for (int i = 0; i < s1; i++) {
          int index = i;
          tasks.add(pool.submit(() -> "S1 " + writeSentinel1(dir, index)));
        }
        for (Future<String> task : tasks) {
          String what = task.get();
          progress.progress(done.incrementAndGet(), total, what);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the demo scene", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        throw new IOException("demo scene: " + cause, cause);
      } finally {
        pool.shutdownNow();
        awaitQuietly(pool); // running dates must stop writing before the partial folder is deleted
      }
      writeCatalog(dir);
    });
    return new Summary(folder, s2, s1, granules[0], gediShots[0], size(folder));
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new IllegalStateException("demo scene writers did not stop within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeTruth(Path dir) throws IOException {
    GridGeometry grid = scene.grid();
    GeoTiffProfile height = GeoTiffProfile.builder(DataType.FLOAT32, 1)
        .band(0, BandMetadata.named("canopy_height").withUnit("m"))
        .metadata("DESCRIPTION", "Sylva demo scene: true canopy height (hidden truth)")
        .threads(1).build();
    GeoTiff.copy(scene.trueHeight(), dir.resolve(TRUE_HEIGHT), height, rows -> { });
    byte[] cover = scene.landscape().cover();
    float[] codes = new float[cover.length];
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < cover.length; i++) {
      codes[i] = cover[i];
    }
    for (CoverType type : CoverType.values()) {
      legend.append(legend.isEmpty() ? "" : ",").append(type.code()).append('=').append(type.name().toLowerCase(Locale.ROOT));
    }
    GeoTiffProfile coverProfile = GeoTiffProfile.builder(DataType.UINT8, 1)
        .band(0, BandMetadata.named("cover_type").withItem("CODES", legend.toString()))
        .overviews(Resampling.NEAREST)
        .metadata("DESCRIPTION", "Sylva demo scene: land cover type (hidden truth)")
        .threads(1).build();
    GeoTiff.copy(ArrayRasterSource.of("cover_type", grid, DataType.UINT8, OptionalDouble.empty(), codes),
        dir.resolve(COVER_TYPE), coverProfile, rows -> { });
  }

  private List<DemoScene.GediGranule> writeGedi(Path dir) throws IOException {
    List<DemoScene.GediGranule> granules = scene.gedi();
    for (DemoScene.GediGranule granule : granules) {
      GediWriter.write(dir.resolve(GEDI_FOLDER).resolve(granule.fileName()), granule.beams());
    }
    return granules;
  }

  /** Writes one Sentinel-2 date (band COGs and its STAC item); returns the item id. */
  private String writeSentinel2(Path dir, int index) throws IOException {
    DemoScene.Sentinel2Date date = scene.sentinel2(index);
    Path folder = dir.resolve(SENTINEL2_COLLECTION).resolve(date.id());
    String stamp = COMPACT.format(date.time());
    ObjectNode item = StacWriter.item(date.id(), SENTINEL2_COLLECTION, scene.grid(), S2_EXTENSIONS);
    ObjectNode properties = (ObjectNode) item.get("properties");
    properties.setAll(date.properties());
    properties.put("platform", "Sentinel-2B");
    properties.put("constellation", "Sentinel 2");
    properties.putArray("instruments").add("msi");
    properties.put("proj:epsg", epsg(scene.grid()));
    properties.put("s2:product_type", "S2MSI2A");
    properties.put("s2:datatake_type", "INS-NOBS");
    properties.put("sat:relative_orbit", 51);
    properties.put("sat:orbit_state", "descending");
    linkItem(item, SENTINEL2_COLLECTION);
    List<Sentinel2Band> bands = new ArrayList<>(Sentinel2Band.REFLECTANCE);
    bands.add(Sentinel2Band.SCL);
    for (Sentinel2Band band : bands) {
      RasterSource source = band == Sentinel2Band.SCL ? date.scl() : date.bands().get(band);
      String file = "T30TXQ_" + stamp + "_" + band + "_" + band.resolutionMetres() + "m.tif";
      boolean scl = band == Sentinel2Band.SCL;
      GeoTiffProfile profile = GeoTiffProfile.builder(scl ? DataType.UINT8 : DataType.UINT16, 1)
          .band(0, BandMetadata.named(band.name()))
          .nodata(0)
          .overviews(scl ? Resampling.NEAREST : Resampling.AVERAGE)
          .threads(1).build();
      GeoTiff.copy(source, folder.resolve(file), profile, rows -> { });
      ObjectNode asset = StacWriter.cogAsset(item, band.name(), "./" + file, title(band), source.grid());
      if (!scl) {
        ObjectNode eo = asset.putArray("eo:bands").addObject();
        eo.put("name", band.name());
        band.commonName().ifPresent(c -> eo.put("common_name", c));
        eo.put("center_wavelength", band.centreWavelengthNm() / 1000.0);
      }
    }
    StacWriter.write(folder.resolve(date.id() + ".json"), item);
    return date.id();
  }

  /** Writes one Sentinel-1 RTC date (VV, VH COGs and its STAC item); returns the item id. */
  private String writeSentinel1(Path dir, int index) throws IOException {
    Sentinel1Scene s1 = scene.sentinel1(index);
    Path folder = dir.resolve(SENTINEL1_COLLECTION).resolve(s1.id());
    ObjectNode item = StacWriter.item(s1.id(), SENTINEL1_COLLECTION, scene.grid(), S1_EXTENSIONS);
    ObjectNode properties = (ObjectNode) item.get("properties");
    properties.put("datetime", s1.time().toString());
    properties.put("platform", "SENTINEL-1A");
    properties.put("constellation", "Sentinel-1");
    properties.put("proj:epsg", epsg(scene.grid()));
    properties.put("sar:instrument_mode", "IW");
    properties.put("sar:frequency_band", "C");
    properties.put("sar:center_frequency", 5.405);
    properties.putArray("sar:polarizations").add("VV").add("VH");
    properties.put("sar:product_type", "GRD");
    properties.put("sat:orbit_state", index % 2 == 0 ? "ascending" : "descending");
    properties.put("s1:processing_level", "1");
    linkItem(item, SENTINEL1_COLLECTION);
    for (RasterSource source : List.of(s1.vv(), s1.vh())) {
      String polarization = source == s1.vv() ? "vv" : "vh";
      String file = "iw-" + polarization + ".rtc.tif";
      GeoTiffProfile profile = GeoTiffProfile.builder(DataType.FLOAT32, 1)
          .band(0, BandMetadata.named(polarization.toUpperCase(Locale.ROOT)).withUnit("linear power"))
          .nodata(S1_NODATA)
          .threads(1).build();
      GeoTiff.copy(source, folder.resolve(file), profile, rows -> { });
      ObjectNode asset = StacWriter.cogAsset(item, polarization, "./" + file,
          polarization.toUpperCase(Locale.ROOT) + ": " + (polarization.equals("vv") ? "vertical transmit, vertical receive"
              : "vertical transmit, horizontal receive") + " (terrain-corrected gamma0, linear power)", source.grid());
      ObjectNode raster = asset.putArray("raster:bands").addObject();
      raster.put("nodata", S1_NODATA);
      raster.put("data_type", "float32");
      raster.put("unit", "linear power");
    }
    StacWriter.write(folder.resolve(s1.id() + ".json"), item);
    return s1.id();
  }

  private void writeCatalog(Path dir) throws IOException {
    DemoSceneSpec spec = scene.spec();
    ObjectNode catalog = StacWriter.catalog("sylva-demo-scene",
        "Sylva demo scene (synthetic, seed " + spec.seed() + "): Landes-like maritime-pine forest, " + spec.width() + "x"
            + spec.height() + " pixels of 10 m in EPSG:" + epsg(scene.grid()) + "; Sentinel-2 L2A, Sentinel-1 RTC, GEDI L2A");
    StacWriter.link(catalog, "root", "./" + CATALOG, StacWriter.JSON_MEDIA_TYPE);
    double[] bbox = StacWriter.lonLatBounds(scene.grid());
    List<Instant> s2Dates = scene.sentinel2Dates();
    List<Instant> s1Dates = scene.sentinel1Dates();
    List<String> s2Ids = new ArrayList<>();
    for (int i = 0; i < s2Dates.size(); i++) {
      s2Ids.add(DemoScene.sentinel2Id(s2Dates.get(i)));
    }
    List<String> s1Ids = new ArrayList<>();
    for (Instant t : s1Dates) {
      s1Ids.add(DemoScene.sentinel1Id(t));
    }
    writeCollection(dir, catalog, SENTINEL2_COLLECTION, "Synthetic Sentinel-2 Level-2A surface reflectance "
        + "(processing baseline " + DemoScene.PROCESSING_BASELINE + ": DN include the +1000 BOA offset)", bbox, s2Dates, s2Ids);
    writeCollection(dir, catalog, SENTINEL1_COLLECTION, "Synthetic Sentinel-1 radiometrically terrain-corrected "
        + "gamma0 backscatter (linear power)", bbox, s1Dates, s1Ids);
    StacWriter.write(dir.resolve(CATALOG), catalog);
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("generator", "sylva demo-scene");
    manifest.put("seed", spec.seed());
    manifest.put("width", spec.width());
    manifest.put("height", spec.height());
    manifest.put("crs", "EPSG:" + epsg(scene.grid()));
    ArrayNode transform = manifest.putArray("geotransform");
    for (double v : scene.grid().transform().toGdalArray()) {
      transform.add(v);
    }
    manifest.put("year", spec.year());
    manifest.put("sentinel2Dates", spec.sentinel2Dates());
    manifest.put("sentinel1Dates", spec.sentinel1Dates());
    manifest.put("gediCoverageTarget", spec.gediCoverageTarget());
    manifest.put("trueHeight", TRUE_HEIGHT);
    manifest.put("coverType", COVER_TYPE);
    StacWriter.write(dir.resolve(SCENE_JSON), manifest);
  }

  private static void writeCollection(Path dir, ObjectNode catalog, String id, String description, double[] bbox,
      List<Instant> dates, List<String> itemIds) throws IOException {
    ObjectNode collection = StacWriter.collection(id, description, "CC-BY-4.0", bbox,
        dates.get(0).toString(), dates.get(dates.size() - 1).toString());
    StacWriter.link(collection, "root", "../" + CATALOG, StacWriter.JSON_MEDIA_TYPE);
    StacWriter.link(collection, "parent", "../" + CATALOG, StacWriter.JSON_MEDIA_TYPE);
    for (String itemId : itemIds) {
      StacWriter.link(collection, "item", "./" + itemId + "/" + itemId + ".json", "application/geo+json");
    }
    StacWriter.write(dir.resolve(id).resolve("collection.json"), collection);
    StacWriter.link(catalog, "child", "./" + id + "/collection.json", StacWriter.JSON_MEDIA_TYPE);
  }

  private static void linkItem(ObjectNode item, String collection) {
    StacWriter.link(item, "root", "../../" + CATALOG, StacWriter.JSON_MEDIA_TYPE);
    StacWriter.link(item, "parent", "../collection.json", StacWriter.JSON_MEDIA_TYPE);
    StacWriter.link(item, "collection", "../collection.json", StacWriter.JSON_MEDIA_TYPE);
  }

  private static String title(Sentinel2Band band) {
    if (band == Sentinel2Band.SCL) {
      return "Scene classification map (SCL)";
    }
    return "Band " + band.name().substring(1).replaceFirst("^0", "") + " - " + band.commonName().orElse("red edge")
        + " - " + band.resolutionMetres() + "m";
  }

  private static int epsg(GridGeometry grid) {
    return Crs.epsgCode(grid.crs()).orElseThrow(() -> new IllegalStateException("demo grid without EPSG code"));
  }

  private static long size(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      long total = 0;
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }
}

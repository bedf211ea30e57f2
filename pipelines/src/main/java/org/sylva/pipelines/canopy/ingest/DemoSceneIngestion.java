package org.sylva.pipelines.canopy.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.sylva.geo.composite.AlignedGridSampler;
import org.sylva.geo.composite.CompositeReport;
import org.sylva.geo.composite.CompositeStatistic;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.TemporalCompositor;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediFileReport;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediFootprintTable;
import org.sylva.geo.gedi.GediHeightMetric;
import org.sylva.geo.gedi.GediIngest;
import org.sylva.geo.gedi.GediWriter;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.sentinel1.Sentinel1Finisher;
import org.sylva.geo.sentinel1.Sentinel1Observation;
import org.sylva.geo.sentinel2.Sentinel2Band;
import org.sylva.geo.sentinel2.Sentinel2Observation;
import org.sylva.geo.sentinel2.SclMask;
import org.sylva.models.io.Json;
import org.sylva.pipelines.canopy.DeadLetter;

/**
 * The embedded demo scene ({@link DemoScene}) as pipeline input: Sentinel-2 and Sentinel-1 composites of the
 * scene's year, its GEDI granules filtered with the literature defaults, the rasterized RH95/RH98 targets and
 * the true canopy height. The result depends only on the scene parameters, so it is computed once into
 * {@code <cacheRoot>/demo-<seed>-<size>[-<s2 dates>x<s1 dates>]} and reused while that folder is complete
 * ({@value #COMPLETE} is written last; a folder is built under a temporary name and renamed into place, so
 * an interrupted build is never mistaken for a complete one).
 */
public record DemoSceneIngestion(long seed, int size, int sentinel2Dates, int sentinel1Dates, String cacheRoot)
    implements SceneIngestion {

  static final String COMPLETE = "ingest.json";

  /** Validates the scene parameters now, on the client; {@code cacheRoot} must be absolute. */
  public DemoSceneIngestion {
    spec(seed, size, sentinel2Dates, sentinel1Dates);
    if (!Path.of(cacheRoot).isAbsolute()) {
      throw new IllegalArgumentException("demo cache folder must be absolute, got " + cacheRoot);
    }
  }

  public DemoSceneIngestion(long seed, int size, int sentinel2Dates, int sentinel1Dates, Path cacheRoot) {
    this(seed, size, sentinel2Dates, sentinel1Dates, cacheRoot.toAbsolutePath().normalize().toString());
  }

  /** The default scene's dates (12 Sentinel-2, 30 Sentinel-1) at {@code size} pixels. */
  public static DemoSceneIngestion defaultDates(long seed, int size, Path cacheRoot) {
    DemoSceneSpec d = DemoSceneSpec.defaults(seed);
    return new DemoSceneIngestion(seed, size, d.sentinel2Dates(), d.sentinel1Dates(), cacheRoot);
  }

  private static DemoSceneSpec spec(long seed, int size, int s2, int s1) {
    return DemoSceneSpec.defaults(seed).withSize(size).withDates(s2, s1);
  }

  @Override
  public String describe() {
    return String.format("demo scene (seed %d, %d x %d px of 10 m, %d Sentinel-2 and %d Sentinel-1 dates)", seed, size,
        size, sentinel2Dates, sentinel1Dates);
  }

  @Override
  public Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", "demo");
    m.put("demoSeed", seed);
    m.put("demoSizePixels", size);
    m.put("sentinel2Dates", sentinel2Dates);
    m.put("sentinel1Dates", sentinel1Dates);
    m.put("cache", cacheFolder().toString());
    return m;
  }

  /** The cache folder of this scene. */
  public Path cacheFolder() {
    DemoSceneSpec d = DemoSceneSpec.defaults(seed);
    String dates = sentinel2Dates == d.sentinel2Dates() && sentinel1Dates == d.sentinel1Dates() ? ""
        : "-" + sentinel2Dates + "x" + sentinel1Dates;
    return Path.of(cacheRoot, "demo-" + seed + "-" + size + dates);
  }

  @Override
  public IngestedStack ingest(Path workDir, ProgressListener progress) throws IOException {
    Path folder = cacheFolder();
    if (Files.isRegularFile(folder.resolve(COMPLETE))) {
      return read(folder);
    }
    Files.createDirectories(folder.getParent());
    Path building = folder.resolveSibling("." + folder.getFileName() + ".partial-" + UUID.randomUUID());
    try {
      build(building, progress);
      try {
        Files.move(building, folder);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another run finished the same scene first: its files are identical, use them
      }
    } finally {
      deleteRecursively(building);
    }
    return read(folder);
  }

  private IngestedStack read(Path folder) throws IOException {
    Stored stored = Json.read(folder.resolve(COMPLETE), Stored.class);
    return new IngestedStack(describe(), folder.resolve(stored.sentinel2()).toString(),
        folder.resolve(stored.sentinel1()).toString(), folder.resolve(stored.targets()).toString(),
        folder.resolve(stored.footprints()).toString(), folder.resolve(stored.trueHeight()).toString(),
        stored.periodStart(), stored.periodEnd(), stored.problems());
  }

  /** The cache's index: file names relative to the folder and the skipped items. */
  record Stored(String sentinel2, String sentinel1, String targets, String footprints, String trueHeight,
      String periodStart, String periodEnd, List<DeadLetter> problems) {}

  private void build(Path dir, ProgressListener progress) throws IOException {
    Files.createDirectories(dir);
    DemoSceneSpec spec = spec(seed, size, sentinel2Dates, sentinel1Dates);
    DemoScene scene = DemoScene.generate(spec);
    GridGeometry grid = scene.grid();
    List<DeadLetter> problems = new ArrayList<>();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    List<Observation> s2 = simulate(spec.sentinel2Dates(), threads, progress, "Sentinel-2",
        i -> new Sentinel2Observation(scene.sentinel2(i).toScene(), Sentinel2Band.REFLECTANCE, SclMask.defaults(),
            new AlignedGridSampler()));
    List<String> s2Names = new ArrayList<>(StackBands.SENTINEL2);
    s2Names.add(StackBands.COUNT);
    CompositeReport s2Report = TemporalCompositor.builder().grid(grid).threads(threads)
        .dateRange(spec.yearStart(), spec.yearEnd()).statistics(java.util.EnumSet.of(CompositeStatistic.MEDIAN))
        .description("Sentinel-2 L2A " + spec.year() + " median composite").build()
        .run(s2, new CogCompositeSink(dir.resolve("sentinel2_composite.tif"), s2Names, "reflectance"),
            (done, total, status) -> progress.progress(done, total, "Sentinel-2 composite " + status));
    warnings(problems, "Sentinel-2 composite", s2Report);
    s2.clear();

    List<Observation> s1 = simulate(spec.sentinel1Dates(), threads, progress, "Sentinel-1",
        i -> new Sentinel1Observation(scene.sentinel1(i), new AlignedGridSampler()));
    List<String> s1Names = new ArrayList<>(StackBands.SENTINEL1);
    s1Names.add(StackBands.COUNT);
    CompositeReport s1Report = TemporalCompositor.builder().grid(grid).threads(threads)
        .dateRange(spec.yearStart(), spec.yearEnd()).statistics(java.util.EnumSet.of(CompositeStatistic.MEAN))
        .finisher(new Sentinel1Finisher(true))
        .description("Sentinel-1 RTC " + spec.year() + " mean composite (dB)").build()
        .run(s1, new CogCompositeSink(dir.resolve("sentinel1_composite.tif"), s1Names, "dB"),
            (done, total, status) -> progress.progress(done, total, "Sentinel-1 composite " + status));
    warnings(problems, "Sentinel-1 composite", s1Report);
    s1.clear();

    List<GediFootprint> footprints = gedi(scene, dir, grid, problems);
    GediFootprintTable.write(dir.resolve("footprints.parquet"), grid.crsLabel(), footprints);
    writeTargets(dir.resolve("targets.tif"), grid, footprints);
    GeoTiff.copy(scene.trueHeight(), dir.resolve("true_height.tif"),
        GeoTiffProfile.builder(DataType.FLOAT32, 1).bandNames("canopy_height").unit("m").threads(2).build(), rows -> { });
    progress.progress(1, 1, "GEDI targets and true height written");
    Json.write(dir.resolve(COMPLETE), new Stored("sentinel2_composite.tif", "sentinel1_composite.tif", "targets.tif",
        "footprints.parquet", "true_height.tif", spec.yearStart().toString(), spec.yearEnd().toString(), problems));
  }

  /**
   * Simulates the dates on {@code threads} workers. Each date has its own random stream, so the result does
   * not depend on the order or the thread; observations are returned in date order.
   */
  private static List<Observation> simulate(int dates, int threads, ProgressListener progress, String sensor,
      java.util.function.IntFunction<Observation> date) throws IOException {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    try {
      List<java.util.concurrent.Future<Observation>> futures = new ArrayList<>();
      for (int i = 0; i < dates; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          Observation o = date.apply(index);
          progress.progress(done.incrementAndGet(), dates, "simulated " + sensor + " date " + (index + 1));
          return o;
        }));
      }
      List<Observation> out = new ArrayList<>();
      for (var f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while simulating " + sensor + " dates", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(sensor + " simulation failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes the granules as GEDI L2A files and reads them back through the regular GEDI ingest and filters. */
  private static List<GediFootprint> gedi(DemoScene scene, Path dir, GridGeometry grid, List<DeadLetter> problems)
      throws IOException {
    GediIngest ingest = new GediIngest(grid.crs(), GediFilterOptions.defaults());
    Path granules = dir.resolve("gedi");
    List<GediFootprint> kept = new ArrayList<>();
    for (DemoScene.GediGranule granule : scene.gedi()) {
      Path file = granules.resolve(granule.fileName());
      GediWriter.write(file, granule.beams());
      GediFileReport report = ingest.ingest(file, kept::add);
      for (String warning : report.warnings()) {
        problems.add(new DeadLetter("ingest", granule.fileName(), warning));
      }
    }
    return kept;
  }

  private static void writeTargets(Path target, GridGeometry grid, List<GediFootprint> footprints) throws IOException {
    var rh95 = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH95).rasterize(footprints, grid);
    var rh98 = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98).rasterize(footprints, grid);
    float[] counts = new float[rh98.counts().length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = rh98.counts()[i];
    }
    var source = new ArrayRasterSource("GEDI targets", grid, DataType.FLOAT32,
        List.of(StackBands.RH95, StackBands.RH98, StackBands.FOOTPRINT_COUNT), java.util.OptionalDouble.of(Double.NaN),
        rh95.values(), rh98.values(), counts);
    GeoTiff.copy(source, target, GeoTiffProfile.from(source).unit("m").threads(2).build(), rows -> { });
  }

  private static void warnings(List<DeadLetter> problems, String item, CompositeReport report) {
    for (String warning : report.warnings()) {
      problems.add(new DeadLetter("ingest", item, warning));
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

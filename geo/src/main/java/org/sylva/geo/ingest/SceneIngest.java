package org.sylva.geo.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.geo.composite.BandSampler;
import org.sylva.geo.composite.CompositeStatistic;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ReprojectionSampler;
import org.sylva.geo.composite.TemporalCompositor;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.ingest.IngestProblem.Stage;
import org.sylva.geo.ingest.SceneCatalog.Candidate;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.sentinel1.Sentinel1Finisher;
import org.sylva.geo.sentinel1.Sentinel1Observation;
import org.sylva.geo.sentinel1.Sentinel1Scene;
import org.sylva.geo.sentinel2.SclMask;
import org.sylva.geo.sentinel2.Sentinel2Observation;
import org.sylva.geo.sentinel2.Sentinel2Scene;
import org.sylva.geo.warp.Reprojection;

/**
 * The one entry point from downloaded data to training inputs: Sentinel-2 and Sentinel-1 temporal
 * composites, GEDI footprints and the sparse GEDI target raster, all on one target grid.
 *
 * <pre>{@code
 * IngestedScene scene = SceneIngest.run(IngestRequest.of(IngestSource.sceneFolder(demo)), out, progress);
 * try (GeoTiffReader s2 = GeoTiff.open(scene.sentinel2Composite())) {
 *   float[] red = s2.read(window, s2.bandNames().indexOf("B04"));   // median surface reflectance
 * }
 * }</pre>
 *
 * <p>Output files in {@code outDir}: {@value #SENTINEL2_FILE}, {@value #SENTINEL1_FILE}, {@value #FOOTPRINTS_FILE},
 * {@value #TARGETS_FILE}, {@value #TRUE_HEIGHT_FILE} (when the source has a reference height) and
 * {@value #REPORT_FILE} (grid, bands, counts, problems; written last). Band names: see {@link IngestedScene}.
 *
 * <p>Bad input: an item or granule that cannot be used (missing band, truncated or corrupt COG or HDF5,
 * STAC href outside the catalog, undeterminable BOA offset, no valid GEDI shot) becomes an {@link IngestProblem}
 * and the run goes on without it. Fatal, as one-line {@link IngestException}s: no usable Sentinel-2 (or
 * Sentinel-1) acquisition, no usable GEDI footprint, a raster whose CRS cannot be transformed to the target
 * grid (Sentinel-2 tiles of a neighbouring UTM zone are reprojected; a CRS Apache SIS cannot handle is
 * refused), an output folder that cannot be written. Outputs are built in a hidden folder inside
 * {@code outDir} and moved into place only when all of them are complete, so a failed run leaves the folder
 * as it was.
 *
 * <p>For a Beam pipeline the stages are usable one by one, as parallel elements: resolve the grid once with
 * {@link #targetGrid}, then {@link #compositeSentinel2}, {@link #compositeSentinel1} and {@link #ingestGedi}
 * with it (each writes its files atomically).
 */
public final class SceneIngest {

  public static final String SENTINEL2_FILE = "sentinel2_composite.tif";
  public static final String SENTINEL1_FILE = "sentinel1_composite.tif";
  public static final String FOOTPRINTS_FILE = "gedi_footprints.parquet";
  public static final String TARGETS_FILE = "gedi_targets.tif";
  public static final String TRUE_HEIGHT_FILE = "true_height.tif";
  public static final String REPORT_FILE = "ingest.json";

  private static final Logger LOG = LoggerFactory.getLogger(SceneIngest.class);

  private SceneIngest() {}

  /** Ingests a whole scene into {@code outDir}. */
  public static IngestedScene run(IngestRequest request, Path outDir, ProgressListener progress) throws IOException {
    List<IngestProblem> problems = new ArrayList<>();
    SceneCatalog catalog = SceneCatalog.read(request, problems);
    if (catalog.gediFiles.isEmpty()) { // checked before hours of compositing, not after
      throw new IngestException(GediTargets.NO_GRANULES);
    }
    Path staging = staging(outDir);
    try (RasterFiles files = new RasterFiles()) {
      Opened<Sentinel2Scene> s2 = open(catalog.sentinel2, request, files, Stage.SENTINEL2);
      requireSomeScene(s2, problems, Stage.SENTINEL2);
      GridGeometry grid = TargetGrids.resolve(request, s2.scenes());
      LOG.info("target grid {}", grid);
      int tiles = tileCount(grid, request.options().tileSize());
      StagedProgress staged = new StagedProgress(progress, 2L * tiles + catalog.gediFiles.size() + 1);
      CompositeResult sentinel2 = compositeSentinel2(request, grid, s2, staging.resolve(SENTINEL2_FILE),
          staged.stage("S2 ", tiles));
      Opened<Sentinel1Scene> s1 = open(catalog.sentinel1, request, files, Stage.SENTINEL1);
      requireSomeScene(s1, problems, Stage.SENTINEL1);
      CompositeResult sentinel1 = compositeSentinel1(request, grid, s1, staging.resolve(SENTINEL1_FILE),
          staged.stage("S1 ", tiles));
      files.close(); // the Sentinel rasters are no longer needed
      GediResult gedi = GediTargets.run(catalog.gediFiles, grid, request.options(), staging.resolve(FOOTPRINTS_FILE),
          staging.resolve(TARGETS_FILE), staged.stage("GEDI ", catalog.gediFiles.size()));
      Optional<Path> truth = Optional.empty();
      if (request.source().trueHeight().isPresent()) {
        Path source = request.source().trueHeight().get();
        try {
          truth = Optional.of(writeTrueHeight(source, grid, staging.resolve(TRUE_HEIGHT_FILE), request.options()));
        } catch (IOException | RuntimeException e) {
          problems.add(new IngestProblem(source.getFileName().toString(), Stage.TRUTH, SceneCatalog.oneLine(e)));
        }
      }
      staged.stage("", 1).progress(1, 1, "moving outputs into place");
      problems.addAll(sentinel2.problems());
      problems.addAll(sentinel1.problems());
      problems.addAll(gedi.problems());
      List<String> warnings = new ArrayList<>();
      sentinel2.report().warnings().forEach(w -> warnings.add("Sentinel-2: " + w));
      sentinel1.report().warnings().forEach(w -> warnings.add("Sentinel-1: " + w));
      for (String name : List.of(SENTINEL2_FILE, SENTINEL1_FILE, FOOTPRINTS_FILE, TARGETS_FILE, TRUE_HEIGHT_FILE)) {
        Path staged1 = staging.resolve(name);
        if (Files.exists(staged1)) {
          AtomicOutput.moveIntoPlace(staged1, outDir.resolve(name));
        }
      }
      IngestCounts counts = new IngestCounts(sentinel2.itemsInRange(), sentinel2.itemsUsed(), sentinel1.itemsInRange(),
          sentinel1.itemsUsed(), gedi.files().size(), (int) gedi.files().stream().filter(f -> f.kept() > 0).count(),
          gedi.shotsRead(), gedi.footprintCount(), gedi.targetPixels(), gedi.dropped(),
          sentinel2.report().validShare(), sentinel1.report().validShare());
      IngestedScene scene = new IngestedScene(grid, outDir.resolve(SENTINEL2_FILE), outDir.resolve(SENTINEL1_FILE),
          outDir.resolve(FOOTPRINTS_FILE), outDir.resolve(TARGETS_FILE),
          truth.map(t -> outDir.resolve(TRUE_HEIGHT_FILE)), problems, counts, sentinel2.bandNames(),
          sentinel1.bandNames(), warnings, outDir.resolve(REPORT_FILE));
      IngestReportJson.write(scene, request);
      if (!problems.isEmpty()) {
        LOG.info("{} inputs left out (listed in {})", problems.size(), scene.report());
      }
      return scene;
    } finally {
      try {
        AtomicOutput.deleteRecursively(staging);
      } catch (IOException e) {
        LOG.warn("{}: could not remove the staging folder: {}", staging, e.getMessage()); // never masks the run's outcome
      }
    }
  }

  /** The request's target grid: as given, from its AOI, or derived from the Sentinel-2 items in the date range. */
  public static GridGeometry targetGrid(IngestRequest request) throws IOException {
    if (request.targetGrid().isPresent() || request.aoi().isPresent()) {
      return TargetGrids.resolve(request, List.of());
    }
    List<IngestProblem> problems = new ArrayList<>();
    SceneCatalog catalog = SceneCatalog.read(request, problems);
    try (RasterFiles files = new RasterFiles()) {
      Opened<Sentinel2Scene> s2 = open(catalog.sentinel2, request, files, Stage.SENTINEL2);
      requireSomeScene(s2, problems, Stage.SENTINEL2);
      return TargetGrids.resolve(request, s2.scenes());
    }
  }

  /**
   * The Sentinel-2 composite alone, written atomically to {@code target}. Its problems include the STAC
   * catalog's (unusable items and links).
   */
  public static CompositeResult compositeSentinel2(IngestRequest request, GridGeometry grid, Path target,
      ProgressListener progress) throws IOException {
    List<IngestProblem> catalogProblems = new ArrayList<>();
    SceneCatalog catalog = SceneCatalog.read(request, catalogProblems);
    try (RasterFiles files = new RasterFiles()) {
      Opened<Sentinel2Scene> s2 = open(catalog.sentinel2, request, files, Stage.SENTINEL2);
      List<IngestProblem> problems = new ArrayList<>(catalogProblems);
      problems.addAll(s2.problems());
      return compositeSentinel2(request, grid, new Opened<>(s2.scenes(), s2.inRange(), problems), target, progress);
    }
  }

  /** The Sentinel-1 composite alone, written atomically to {@code target}. */
  public static CompositeResult compositeSentinel1(IngestRequest request, GridGeometry grid, Path target,
      ProgressListener progress) throws IOException {
    SceneCatalog catalog = SceneCatalog.read(request, new ArrayList<>());
    try (RasterFiles files = new RasterFiles()) {
      return compositeSentinel1(request, grid, open(catalog.sentinel1, request, files, Stage.SENTINEL1), target, progress);
    }
  }

  /** GEDI footprints (Parquet) and the sparse target raster (COG) alone, each written atomically. */
  public static GediResult ingestGedi(IngestRequest request, GridGeometry grid, Path footprintsFile, Path targetsFile,
      ProgressListener progress) throws IOException {
    SceneCatalog catalog = SceneCatalog.read(request, new ArrayList<>());
    return GediTargets.run(catalog.gediFiles, grid, request.options(), footprintsFile, targetsFile, progress);
  }

  /** Acquisitions opened for compositing, how many were in the date range, and those that could not be opened. */
  private record Opened<T>(List<T> scenes, int inRange, List<IngestProblem> problems) {}

  private static <T> Opened<T> open(List<Candidate<T>> candidates, IngestRequest request, RasterFiles files, Stage stage) {
    List<T> scenes = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>();
    int inRange = 0;
    for (Candidate<T> candidate : candidates) {
      if (!request.inDateRange(candidate.time())) {
        continue;
      }
      inRange++;
      try {
        scenes.add(candidate.open(files));
      } catch (IOException | RuntimeException e) {
        problems.add(new IngestProblem(candidate.id(), stage, SceneCatalog.oneLine(e)));
      }
    }
    return new Opened<>(scenes, inRange, problems);
  }

  private static CompositeResult compositeSentinel2(IngestRequest request, GridGeometry grid, Opened<Sentinel2Scene> s2,
      Path target, ProgressListener progress) throws IOException {
    IngestOptions options = request.options();
    SclMask mask = new SclMask(options.sclMaskedClasses());
    BandSampler sampler = new ReprojectionSampler();
    List<Observation> observations = new ArrayList<>();
    for (Sentinel2Scene scene : s2.scenes()) {
      List<RasterSource> sources = new ArrayList<>(scene.bands().values());
      sources.add(scene.scl());
      if (overlaps(grid, sources, scene.id())) {
        observations.add(new Sentinel2Observation(scene, options.sentinel2Bands(), mask, sampler));
      }
    }
    requireOverlap(observations, s2, grid, Stage.SENTINEL2);
    List<CompositeStatistic> statistics = options.statistics(options.sentinel2Statistic());
    TemporalCompositor compositor = compositor(request, grid, statistics)
        .unit("1")
        .description("Sentinel-2 L2A surface reflectance composite (" + statistics.get(0).suffix() + ")")
        .metadata("sensor", "Sentinel-2 L2A")
        .metadata("scl_masked_classes", mask.maskedClasses().toString())
        .build();
    return CompositeRun.run(compositor, observations, s2.inRange(), target, options.threads(), Stage.SENTINEL2,
        s2.problems(), progress);
  }

  private static CompositeResult compositeSentinel1(IngestRequest request, GridGeometry grid, Opened<Sentinel1Scene> s1,
      Path target, ProgressListener progress) throws IOException {
    IngestOptions options = request.options();
    BandSampler sampler = new ReprojectionSampler();
    List<Observation> observations = new ArrayList<>();
    for (Sentinel1Scene scene : s1.scenes()) {
      if (overlaps(grid, List.of(scene.vv(), scene.vh()), scene.id())) {
        observations.add(new Sentinel1Observation(scene, sampler));
      }
    }
    requireOverlap(observations, s1, grid, Stage.SENTINEL1);
    List<CompositeStatistic> statistics = options.statistics(options.sentinel1Statistic());
    TemporalCompositor compositor = compositor(request, grid, statistics)
        .unit("dB")
        .finisher(new Sentinel1Finisher(options.vvVhRatio()))
        .description("Sentinel-1 RTC gamma0 composite in dB (" + statistics.get(0).suffix() + " of linear power)")
        .metadata("sensor", "Sentinel-1 RTC")
        .build();
    return CompositeRun.run(compositor, observations, s1.inRange(), target, options.threads(), Stage.SENTINEL1,
        s1.problems(), progress);
  }

  private static TemporalCompositor.Builder compositor(IngestRequest request, GridGeometry grid,
      List<CompositeStatistic> statistics) {
    IngestOptions options = request.options();
    return TemporalCompositor.builder().grid(grid)
        .dateRange(request.start().orElse(null), request.end().orElse(null))
        .tileSize(options.tileSize())
        .threads(options.threads())
        .statistics(statistics.get(0), statistics.subList(1, statistics.size()).toArray(CompositeStatistic[]::new));
  }

  private static boolean overlaps(GridGeometry grid, List<RasterSource> sources, String id) throws IngestException {
    boolean any = false;
    for (RasterSource source : sources) {
      any |= TargetGrids.overlaps(grid, source, id); // checks every file's CRS, even after a first overlap
    }
    if (!any) {
      LOG.info("{}: outside the target grid; not used", id);
    }
    return any;
  }

  /** Fatal when no acquisition of a sensor could be opened, naming the first problem (catalog or opening). */
  private static void requireSomeScene(Opened<?> opened, List<IngestProblem> catalogProblems, Stage stage)
      throws IngestException {
    if (opened.scenes().isEmpty()) {
      List<IngestProblem> all = new ArrayList<>(catalogProblems);
      all.addAll(opened.problems());
      throw new IngestException(CompositeRun.noneUsable(stage, opened.inRange(), all));
    }
  }

  private static void requireOverlap(List<Observation> observations, Opened<?> opened, GridGeometry grid, Stage stage)
      throws IngestException {
    if (observations.isEmpty() && !opened.scenes().isEmpty()) {
      throw new IngestException("none of the " + opened.scenes().size() + " " + (stage == Stage.SENTINEL1 ? "Sentinel-1"
          : "Sentinel-2") + " acquisitions in the date range overlaps the target grid " + grid);
    }
    if (observations.isEmpty()) {
      throw new IngestException(CompositeRun.noneUsable(stage, opened.inRange(), opened.problems()));
    }
  }

  /**
   * The reference height resampled onto the grid: sample for sample when the grids are equal, else bilinear
   * (average when the target is coarser).
   */
  static Path writeTrueHeight(Path source, GridGeometry grid, Path target, IngestOptions options) throws IOException {
    try (GeoTiffReader reader = GeoTiff.open(source)) {
      GridGeometry from = reader.grid();
      Resampling method = from.equals(grid) ? Resampling.NEAREST
          : grid.transform().pixelWidth() > 1.5 * from.transform().pixelWidth() ? Resampling.AVERAGE : Resampling.BILINEAR;
      BandMetadata band = BandMetadata.named("true_height").withUnit(reader.bandMetadata().get(0).unit().orElse("m"));
      GeoTiffProfile profile = GeoTiffProfile.builder(DataType.FLOAT32, 1).band(0, band).nodata(Double.NaN)
          .tileSize(options.tileSize()).threads(options.threads())
          .metadata("DESCRIPTION", "Reference canopy height from " + source.getFileName() + " ("
              + method.name().toLowerCase(Locale.ROOT) + " onto the target grid)")
          .build();
      try (GeoTiffWriter writer = GeoTiff.create(target, grid, profile)) {
        int rows = options.tileSize();
        for (int row = 0; row < grid.height(); row += rows) {
          PixelWindow window = new PixelWindow(0, row, grid.width(), Math.min(rows, grid.height() - row));
          writer.write(window, 0, Reprojection.read(reader, 0, grid.window(window), method));
        }
        writer.commit();
      }
    }
    return target;
  }

  private static Path staging(Path outDir) throws IngestException {
    try {
      Files.createDirectories(outDir);
      return Files.createDirectory(AtomicOutput.temporarySibling(outDir.resolve("ingest"), ".partial"));
    } catch (IOException e) {
      throw new IngestException(outDir + ": cannot write the output folder (" + SceneCatalog.oneLine(e) + ")", e);
    }
  }

  private static int tileCount(GridGeometry grid, int tile) {
    return ((grid.width() + tile - 1) / tile) * ((grid.height() + tile - 1) / tile);
  }

  /** Maps each stage's own progress onto one monotonic count over the whole run. */
  private static final class StagedProgress {
    private final ProgressListener listener;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private long offset;

    StagedProgress(ProgressListener listener, long total) {
      this.listener = listener;
      this.total = total;
    }

    ProgressListener stage(String prefix, long units) {
      long start = offset;
      offset += units;
      return (stageDone, stageTotal, status) -> {
        long now = done.accumulateAndGet(start + Math.min(stageDone, units), Math::max);
        listener.progress(now, total, prefix + status);
      };
    }
  }
}

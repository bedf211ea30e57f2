package org.sylva.pipelines.ingest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sylva.geo.composite.CompositeStatistic;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.ingest.AreaOfInterest;
import org.sylva.geo.ingest.IngestOptions;
import org.sylva.geo.ingest.IngestProblem;
import org.sylva.geo.ingest.IngestRequest;
import org.sylva.geo.ingest.IngestSource;
import org.sylva.geo.ingest.IngestedScene;
import org.sylva.geo.ingest.SceneIngest;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.sentinel1.BackscatterScale;
import org.sylva.pipelines.common.ProgressBarListener;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva ingest}: downloaded Sentinel-2 L2A, Sentinel-1 RTC and GEDI L2A data → temporal composites,
 * GEDI footprints and the sparse GEDI target raster on one 10 m grid ({@link SceneIngest}).
 */
@Command(
    name = "ingest",
    description = {
      "Composite Sentinel-2 L2A and Sentinel-1 RTC acquisitions and burn filtered GEDI L2A footprints on one grid.",
      "Writes into --out: sentinel2_composite.tif (B02..B12, B8A [median],",
      "<band>_mean, count), sentinel1_composite.tif (VV, VH, VV_VH in dB [mean of linear power], <band>_median,",
      "count), gedi_footprints.parquet, gedi_targets.tif (rh95, rh98, count), true_height.tif (if the source has",
      "a reference) and ingest.json. Unusable items are listed and left out; outputs appear only when complete."},
    mixinStandardHelpOptions = true,
    sortOptions = false)
public final class IngestCommand implements Callable<Integer> {

  /** Exactly one way to name the Sentinel data. */
  static final class Source {
    @Option(names = "--scene", paramLabel = "DIR",
        description = "A scene folder as written by 'sylva demo-scene': catalog.json, gedi/, truth/.")
    Path scene;

    @Option(names = "--stac", paramLabel = "PATH",
        description = "A local STAC catalog, collection, item collection (saved search), item, or a folder of them.")
    Path stac;

    @Option(names = "--s2-folder", paramLabel = "DIR",
        description = "Sentinel-2 band GeoTIFFs named by band (B04, SCL...), dated by file or folder name.")
    Path sentinel2Folder;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--s1-folder", paramLabel = "DIR",
      description = "Sentinel-1 RTC GeoTIFFs with VV/VH in their names (else Sentinel-1 items of the STAC source).")
  Path sentinel1Folder;

  @Option(names = "--gedi", paramLabel = "DIR", description = "Folder of GEDI02_A HDF5 granules (*.h5, searched recursively).")
  Path gediFolder;

  @Option(names = "--true-height", paramLabel = "FILE", description = "Optional reference canopy-height GeoTIFF to put on the grid.")
  Path trueHeight;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--start", paramLabel = "DATE", description = "First day of the composites (yyyy-mm-dd, UTC, inclusive).")
  String start;

  @Option(names = "--end", paramLabel = "DATE", description = "Day after the last day of the composites (exclusive).")
  String end;

  @Option(names = "--aoi", paramLabel = "MINX,MINY,MAXX,MAXY", split = ",",
      description = "Target area in --crs map units (default: the union of the Sentinel-2 items).")
  double[] aoi;

  @Option(names = "--crs", paramLabel = "EPSG:CODE", defaultValue = "EPSG:32630",
      description = "CRS of --aoi, a projected CRS in metres (default: ${DEFAULT-VALUE}).")
  String crs;

  @Option(names = "--resolution", paramLabel = "METRES", defaultValue = "10",
      description = "Target pixel size (default: ${DEFAULT-VALUE}).")
  double resolution;

  @Option(names = "--s2-statistic", paramLabel = "STAT", defaultValue = "median",
      description = "Statistic named B02..B12: median (robust to residual clouds) or mean (default: ${DEFAULT-VALUE}).")
  String sentinel2Statistic;

  @Option(names = "--s1-statistic", paramLabel = "STAT", defaultValue = "mean",
      description = "Statistic of linear power named VV, VH: mean (speckle filter) or median (default: ${DEFAULT-VALUE}).")
  String sentinel1Statistic;

  @Option(names = "--no-secondary-statistics", description = "Do not write the other statistic's bands (B04_mean, VV_median...).")
  boolean noSecondary;

  @Option(names = "--scl-mask", paramLabel = "CLASSES", split = ",", defaultValue = "0,1,3,8,9,10,11",
      description = "Sentinel-2 SCL classes that mask a pixel (default: ${DEFAULT-VALUE}: no data, saturated, shadow,"
          + " medium/high cloud, cirrus, snow).")
  Integer[] sclMask;

  @Option(names = "--boa-offset", paramLabel = "DN",
      description = "Force the Sentinel-2 BOA offset (-1000 for processing baseline >= 04.00, 0 before) instead of"
          + " reading it from each item.")
  Double boaOffset;

  @Option(names = "--s1-scale", paramLabel = "SCALE",
      description = "Force the Sentinel-1 input scale: linear or db (default: from metadata, else the values).")
  String sentinel1Scale;

  @Option(names = "--no-ratio", description = "Do not write the VV_VH ratio bands.")
  boolean noRatio;

  @Option(names = "--gedi-min-sensitivity", paramLabel = "S", defaultValue = "0.95",
      description = "Minimum GEDI beam sensitivity (default: ${DEFAULT-VALUE}; 0.98 is stricter).")
  double minSensitivity;

  @Option(names = "--gedi-power-beams-only", description = "Keep only the full-power GEDI beams.")
  boolean powerBeamsOnly;

  @Option(names = "--gedi-keep-leaf-off", description = "Keep leaf-off GEDI shots too.")
  boolean keepLeafOff;

  @Option(names = "--gedi-start", paramLabel = "DATE", description = "First day of GEDI shots kept (default: all).")
  String gediStart;

  @Option(names = "--gedi-end", paramLabel = "DATE", description = "Day after the last day of GEDI shots kept.")
  String gediEnd;

  @Option(names = "--rasterization", paramLabel = "SHAPE", defaultValue = "disc",
      description = "GEDI footprint on the grid: disc (the 25 m footprint) or centre (its centre pixel)"
          + " (default: ${DEFAULT-VALUE}).")
  String rasterization;

  @Option(names = "--tile-size", paramLabel = "PX", defaultValue = "256",
      description = "Processing and COG tile size, a multiple of 16; memory grows with its square (default: ${DEFAULT-VALUE}).")
  int tileSize;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IngestRequest request = request();
    IngestedScene scene;
    try (ProgressBarListener progress = new ProgressBarListener("ingest " + out.getFileName())) {
      scene = SceneIngest.run(request, out, progress);
    }
    PrintWriter o = spec.commandLine().getOut();
    var c = scene.counts();
    o.printf(Locale.ROOT, "%s: %s, %dx%d px%n", out, scene.grid().crsLabel(), scene.grid().width(), scene.grid().height());
    o.printf(Locale.ROOT, "  Sentinel-2: %d of %d acquisitions, %.1f %% of pixels observed -> %s%n", c.sentinel2Used(),
        c.sentinel2Items(), 100 * c.sentinel2ValidShare(), scene.sentinel2Composite().getFileName());
    o.printf(Locale.ROOT, "  Sentinel-1: %d of %d acquisitions, %.1f %% of pixels observed -> %s%n", c.sentinel1Used(),
        c.sentinel1Items(), 100 * c.sentinel1ValidShare(), scene.sentinel1Composite().getFileName());
    o.printf(Locale.ROOT, "  GEDI: %d granules, %d shots, %d footprints kept, %.2f %% of pixels targeted -> %s, %s%n",
        c.gediFiles(), c.gediShotsRead(), c.footprints(), 100.0 * c.targetPixels() / scene.grid().pixelCount(),
        scene.footprints().getFileName(), scene.targets().getFileName());
    scene.warnings().forEach(w -> o.println("  warning: " + w));
    if (!scene.problems().isEmpty()) {
      o.println("  left out (" + scene.problems().size() + "):");
      for (IngestProblem p : scene.problems()) {
        o.println("    " + p);
      }
    }
    o.println("  report: " + scene.report());
    o.flush();
    return 0;
  }

  IngestRequest request() {
    try {
      IngestSource src;
      if (source.scene != null) {
        src = IngestSource.sceneFolder(source.scene);
      } else {
        src = new IngestSource(Optional.ofNullable(source.stac), Optional.ofNullable(source.sentinel2Folder),
            Optional.ofNullable(sentinel1Folder), Optional.ofNullable(gediFolder), Optional.ofNullable(trueHeight));
      }
      if (sentinel1Folder != null) {
        src = src.withSentinel1Folder(sentinel1Folder);
      }
      if (gediFolder != null) {
        src = src.withGediFolder(gediFolder);
      }
      if (trueHeight != null) {
        src = src.withTrueHeight(trueHeight);
      }
      GediFilterOptions gedi = GediFilterOptions.builder().minSensitivity(minSensitivity).powerBeamsOnly(powerBeamsOnly)
          .leafOnOnly(!keepLeafOff).dateRange(day(gediStart, "--gedi-start"), day(gediEnd, "--gedi-end")).build();
      IngestOptions.Builder options = IngestOptions.builder()
          .sentinel2Statistic(statistic(sentinel2Statistic, "--s2-statistic"))
          .sentinel1Statistic(statistic(sentinel1Statistic, "--s1-statistic"))
          .secondaryStatistics(!noSecondary)
          .sclMaskedClasses(Set.copyOf(Arrays.asList(sclMask)))
          .vvVhRatio(!noRatio)
          .gediFilters(gedi)
          .rasterization(switch (rasterization.toLowerCase(Locale.ROOT)) {
            case "disc" -> FootprintRasterizer.Shape.DISC;
            case "centre", "center" -> FootprintRasterizer.Shape.CENTRE_PIXEL;
            default -> throw usage("--rasterization must be disc or centre, got " + rasterization);
          })
          .tileSize(tileSize);
      if (boaOffset != null) {
        options.boaOffsetDn(boaOffset);
      }
      if (sentinel1Scale != null) {
        options.sentinel1Scale(switch (sentinel1Scale.toLowerCase(Locale.ROOT)) {
          case "linear" -> BackscatterScale.LINEAR_POWER;
          case "db" -> BackscatterScale.DECIBEL;
          default -> throw usage("--s1-scale must be linear or db, got " + sentinel1Scale);
        });
      }
      if (threads != null) {
        options.threads(threads);
      }
      IngestRequest.Builder request = IngestRequest.builder(src).resolution(resolution)
          .dateRange(day(start, "--start"), day(end, "--end")).options(options.build());
      if (aoi != null) {
        if (aoi.length != 4) {
          throw usage("--aoi needs MINX,MINY,MAXX,MAXY, got " + aoi.length + " numbers");
        }
        request.aoi(new AreaOfInterest(Crs.epsg(epsgCode(crs)), aoi[0], aoi[1], aoi[2], aoi[3]));
      }
      return request.build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private CompositeStatistic statistic(String name, String option) {
    return Arrays.stream(CompositeStatistic.values()).filter(s -> s.suffix().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> usage(option + " must be " + Arrays.stream(CompositeStatistic.values())
            .map(CompositeStatistic::suffix).collect(Collectors.joining(" or ")) + ", got " + name));
  }

  private Instant day(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw usage(option + " must be a date like 2023-01-01, got " + text);
    }
  }

  private int epsgCode(String text) {
    String code = text.toUpperCase(Locale.ROOT).replaceFirst("^EPSG:", "");
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      throw usage("--crs must be like EPSG:32630, got " + text);
    }
  }
}

package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sylva.geo.geotiff.Compression;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.Resampling;
import org.sylva.models.progress.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench raster}: a Sentinel-2-sized float32 band (10980², smooth terrain plus noise, seeded) as
 * a Deflate COG with predictor 3 and average overviews. Measures, on the same machine in the same run:
 * writing the COG from the same uncompressed GeoTIFF (Sylva vs {@code gdal_translate -of COG} with the same
 * settings), reading the whole band and reading 1024×1024 windows (Sylva vs rasterio). Throughputs are in
 * MB/s of uncompressed float32 samples.
 */
@Command(
    name = "raster",
    description = "GeoTIFF/COG write and read throughput beside gdal_translate and rasterio; writes <out>/raster.json"
        + " and raster.md.",
    mixinStandardHelpOptions = true)
public final class RasterBench implements Callable<Integer> {

  @Option(names = "--size", defaultValue = "10980", description = "Band width and height in pixels (default: ${DEFAULT-VALUE}, a Sentinel-2 10 m tile).")
  int size;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--work-dir", description = "Where the benchmark rasters go (default: <out>/raster-work, deleted afterwards unless --keep).")
  Path workDir;

  @Option(names = "--keep", description = "Keep the benchmark rasters.")
  boolean keep;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic noise and window positions (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--repeats", defaultValue = "3", description = "Full reads per tool; the best counts (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--windows", defaultValue = "20", description = "1024x1024 windows read per tool (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--window-size", defaultValue = "1024", description = "Window width and height (default: ${DEFAULT-VALUE}).")
  int windowSize;

  @Override
  public Integer call() throws Exception {
    Path work = workDir != null ? workDir : out.resolve("raster-work");
    Files.createDirectories(work);
    double megabytes = (double) size * size * 4 / 1e6;
    BenchReport report = new BenchReport("raster", String.format(Locale.ROOT,
        "%d x %d float32 band (%.0f MB), Deflate level 6 + floating-point predictor, 512x512 tiles, average overviews;"
            + " Sylva vs gdal_translate -of COG (write) and rasterio (read), same machine, same run.", size, size, megabytes));
    report.detail("loadAverageAtStart", loadAverage());
    try {
      Path source = work.resolve("source.tif");
      writeSource(source);
      Path sylvaCog = work.resolve("sylva-cog.tif");
      Path gdalCog = work.resolve("gdal-cog.tif");

      warmUp(source, work.resolve("warm-up.tif"));
      double sylvaWrite = time(() -> {
        try (GeoTiffReader src = GeoTiff.open(source)) {
          GeoTiff.copy(src, sylvaCog, GeoTiffProfile.from(src).deflateLevel(6).tileSize(512).overviews(Resampling.AVERAGE).build(), r -> { });
        }
      });
      List<String> gdal = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "LEVEL=6",
          "-co", "PREDICTOR=YES", "-co", "BLOCKSIZE=512", "-co", "OVERVIEW_RESAMPLING=AVERAGE", source.toString(), gdalCog.toString()));
      double gdalWrite = time(() -> run(gdal));
      List<String> gdalThreads = new ArrayList<>(gdal);
      gdalThreads.addAll(2, List.of("-co", "NUM_THREADS=ALL_CPUS"));
      Path gdalCogThreads = work.resolve("gdal-cog-threads.tif");
      gdalThreads.set(gdalThreads.size() - 1, gdalCogThreads.toString());
      double gdalWriteThreads = time(() -> run(gdalThreads));
      report.measure(new BenchReport.Measurement("COG write", "MB/s", megabytes / sylvaWrite, megabytes / gdalWrite,
          "gdal_translate -of COG", true));
      report.measure(new BenchReport.Measurement("COG write vs multi-threaded GDAL", "MB/s", megabytes / sylvaWrite,
          megabytes / gdalWriteThreads, "gdal_translate -of COG NUM_THREADS=ALL_CPUS", true));

      List<PixelWindow> positions = windowPositions();
      String windowArg = String.join(";", positions.stream().map(w -> w.col() + "," + w.row()).toList());
      for (Path file : List.of(sylvaCog, gdalCog)) {
        String which = file == sylvaCog ? "" : " (GDAL's COG)";
        double sylvaFull = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
          sylvaFull = Math.min(sylvaFull, time(() -> {
            try (GeoTiffReader r = GeoTiff.open(file)) {
              r.read(r.grid().fullWindow(), 0);
            }
          }));
        }
        double sylvaWindow = time(() -> {
          try (GeoTiffReader r = GeoTiff.open(file)) {
            for (PixelWindow w : positions) {
              r.read(w, 0);
            }
          }
        }) / positions.size();
        JsonNode peer = PythonPeer.run("raster_peer.py",
            List.of(file.toString(), Integer.toString(repeats), Integer.toString(windowSize), windowArg), 3600);
        double windowMegabytes = (double) windowSize * windowSize * 4 / 1e6;
        report.measure(new BenchReport.Measurement("full read" + which, "MB/s", megabytes / sylvaFull,
            megabytes / peer.get("fullReadSeconds").asDouble(), "rasterio", true));
        report.measure(new BenchReport.Measurement(windowSize + "x" + windowSize + " window read" + which, "MB/s",
            windowMegabytes / sylvaWindow, windowMegabytes / peer.get("windowReadSeconds").asDouble(), "rasterio", true));
        report.detail("rasterio", peer.get("rasterio").asText() + " (GDAL " + peer.get("gdal").asText() + ")");
      }
      report.target("COG write", 0.7).target("full read", 0.8);
      report.detail("sylvaCogBytes", Files.size(sylvaCog));
      report.detail("gdalCogBytes", Files.size(gdalCog));
      report.detail("sylvaWriteSeconds", round(sylvaWrite));
      report.detail("gdalWriteSeconds", round(gdalWrite));
      report.detail("gdalWriteSecondsAllCpus", round(gdalWriteThreads));
      report.detail("sylvaThreads", Runtime.getRuntime().availableProcessors());
      report.detail("windows", positions.size() + " windows at seeded random positions, file opened once");
      report.detail("loadAverageAtEnd", loadAverage());
      report.detail("note", "The machine may be shared: compare ratios from one run, not absolute MB/s across runs.");
    } finally {
      if (!keep) {
        AtomicOutput.deleteRecursively(work);
      }
    }
    Path json = report.write(out);
    System.out.print(report.toMarkdown());
    System.out.println("\nwrote " + json);
    return 0;
  }

  /** Uncompressed tiled source: smooth hills (tens of metres) plus 0.5 m noise, generated one tile row at a time. */
  private void writeSource(Path source) throws IOException {
    GridGeometry grid = new GridGeometry(Crs.epsg(32630), GeoTransform.northUp(600000, 5000040, 10, 10), size, size);
    GeoTiffProfile profile = GeoTiffProfile.builder(DataType.FLOAT32, 1).bandNames("height").unit("m").nodata(-9999)
        .compression(Compression.NONE).noOverviews().tileSize(512).build();
    try (GeoTiffWriter writer = GeoTiff.create(source, grid, profile); ProgressBar bar = ProgressBar.start("bench source", size)) {
      for (int row = 0; row < size; row += 512) {
        int rows = Math.min(512, size - row);
        float[] band = new float[size * rows];
        for (int r = 0; r < rows; r++) {
          SplittableRandom noise = new SplittableRandom(seed * 1_000_003L + row + r);
          double y = row + r;
          for (int c = 0; c < size; c++) {
            double hills = 30 * Math.sin(c / 700.0) * Math.cos(y / 500.0) + 12 * Math.sin((c + 2 * y) / 173.0)
                + 4 * Math.cos((3 * c - y) / 61.0);
            band[r * size + c] = (float) (100 + hills + 0.5 * (noise.nextDouble() - 0.5));
          }
        }
        writer.write(new PixelWindow(0, row, size, rows), 0, band);
        bar.step(rows);
      }
      writer.commit();
    }
  }

  /**
   * Runs the Java code paths once on a small raster before timing, so the measurements see JIT-compiled code
   * as the native peers do (the warm-up is not timed).
   */
  private void warmUp(Path source, Path scratch) throws IOException {
    try (GeoTiffReader src = GeoTiff.open(source)) {
      int n = Math.min(2048, size);
      float[] samples = src.read(new PixelWindow(0, 0, n, n), 0);
      GridGeometry grid = src.grid().window(new PixelWindow(0, 0, n, n));
      try (GeoTiffWriter w = GeoTiff.create(scratch, grid, GeoTiffProfile.from(src).tileSize(512).build())) {
        w.write(grid.fullWindow(), 0, samples);
        w.commit();
      }
      try (GeoTiffReader r = GeoTiff.open(scratch)) {
        for (int i = 0; i < 3; i++) {
          r.read(grid.fullWindow(), 0);
          r.read(new PixelWindow(100 * i, 50 * i, Math.min(windowSize, n - 100 * i), Math.min(windowSize, n - 50 * i)), 0);
        }
      }
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  private List<PixelWindow> windowPositions() {
    SplittableRandom random = new SplittableRandom(seed);
    List<PixelWindow> list = new ArrayList<>();
    for (int i = 0; i < windows; i++) {
      list.add(new PixelWindow(random.nextInt(size - windowSize + 1), random.nextInt(size - windowSize + 1), windowSize, windowSize));
    }
    return list;
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static double time(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}

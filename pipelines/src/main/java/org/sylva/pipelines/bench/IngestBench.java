package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.demo.DemoSceneWriter;
import org.sylva.geo.gedi.GediBeam;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.gedi.GediIngest;
import org.sylva.geo.gedi.GediL2aReader;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.sentinel2.SclMask;
import org.sylva.pipelines.common.ProgressBarListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench ingest}: the ingestion's two heavy reads beside Python peers on the same machine in the
 * same run. (1) The Sentinel-2 temporal composite of 12 dates × 10 bands over 2000 × 2000 pixels from the
 * demo scene's COG files (median, mean, count; 20 m bands resampled, SCL masked, written as a COG), by Sylva
 * in a child JVM under a fixed {@code -Xmx} (wall time, peak and live heap) and by numpy + rasterio (wall
 * time, peak RSS). (2) GEDI L2A reading in footprints per second, on a granule laid out as NASA's (chunked,
 * gzip, written by h5py) and on the demo's granules, by Sylva (jHDF) and by h5py. The demo scene and the
 * granule are generated once into a cache folder and reused.
 */
@Command(
    name = "ingest",
    description = "Sentinel-2 compositing (wall time, peak heap) and GEDI L2A read rate beside numpy/rasterio and"
        + " h5py; writes <out>/ingest.json and ingest.md.",
    mixinStandardHelpOptions = true)
public final class IngestBench implements Callable<Integer> {

  static final String COMPOSITE = "S2 composite";
  static final String GEDI_READ = "GEDI read, NASA-like granule";
  private static final String PEER = "ingest_peer.py";

  @Option(names = "--size", defaultValue = "2000", description = "Scene width and height in 10 m pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--s2-dates", defaultValue = "12", description = "Sentinel-2 dates composited (default: ${DEFAULT-VALUE}).")
  int dates;

  @Option(names = "--seed", defaultValue = "42", description = "Demo scene seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of the compositing JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--runs", defaultValue = "2", description = "Composites per JVM; the first includes JIT warm-up, the best counts (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--threads", description = "Compositing threads (default: all cores).")
  Integer threads;

  @Option(names = "--tile-size", defaultValue = "256", description = "Compositing and COG tile size (default: ${DEFAULT-VALUE}).")
  int tileSize;

  @Option(names = "--gedi-shots", defaultValue = "40000", description = "Shots per beam of the benchmark granule (default: ${DEFAULT-VALUE}).")
  int gediShots;

  @Option(names = "--repeats", defaultValue = "3", description = "GEDI reads per tool; the best counts (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--cache", description = "Where the scene and granule are generated once (default: <out>/ingest-cache).")
  Path cache;

  @Override
  public Integer call() throws Exception {
    if (size < 64 || dates < 1 || runs < 1 || gediShots < 1 || repeats < 1) {
      throw new IllegalArgumentException("--size >= 64, --s2-dates, --runs, --gedi-shots and --repeats >= 1 are needed");
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Path cacheDir = cache != null ? cache : out.resolve("ingest-cache");
    Path scene = cacheDir.resolve(String.format(Locale.ROOT, "demo-seed%d-%dpx-%ddates", seed, size, dates));
    Path work = Files.createDirectories(out.resolve("ingest-work"));
    BenchReport report = new BenchReport("ingest", String.format(Locale.ROOT,
        "Sentinel-2 composite of %d dates x 10 bands over %d x %d px from COG files (median, mean, count; written as"
            + " a COG) by Sylva in a JVM with -Xmx%s vs numpy + rasterio; GEDI L2A read rate vs h5py. Same machine,"
            + " same run.", dates, size, size, heap));
    report.detail("loadAverageAtStart", BenchReport.loadAverage());
    ensureScene(scene);

    // 1. Sentinel-2 composite: Sylva in a child JVM (its own heap), then numpy/rasterio.
    Path sylvaComposite = work.resolve("sylva-s2.tif");
    JsonNode sylva = childJvm(scene, sylvaComposite, workers);
    double sylvaSeconds = best(sylva.get("seconds"));
    String masked = SclMask.DEFAULT_MASKED.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    Path peerComposite = work.resolve("numpy-s2.tif");
    JsonNode peer = PythonPeer.available("rasterio", "numpy")
        ? PythonPeer.run(PEER, List.of("composite", scene.toString(), peerComposite.toString(), masked), 7200) : null;
    report.measure(new BenchReport.Measurement(COMPOSITE, "s", sylvaSeconds, peer == null ? null : peer.get("seconds").asDouble(),
        "numpy + rasterio", false));
    report.detail("sylvaCompositeSecondsPerRun", sylva.get("seconds").toString());
    report.detail("sylvaHeapLimitMiB", sylva.get("maxHeapMiB").asLong());
    report.detail("sylvaPeakHeapInUseMiB", sylva.get("peakHeapInUseMiB").asLong());
    report.detail("sylvaPeakHeapAfterGcMiB", sylva.get("peakHeapAfterGcMiB").asLong());
    report.detail("sylvaThreads", workers);
    report.detail("sylvaTileSize", tileSize);
    report.detail("sylvaCompositeBands", sylva.get("bands").asInt());
    report.detail("sylvaChecksumB04", checksum(sylvaComposite, "B04"));
    if (peer != null) {
      report.detail("peerPeakRssMiB", Math.round(peer.get("peakRssMiB").asDouble()));
      report.detail("peerChecksumB04", peer.get("checksumB04").asDouble());
      report.detail("peer", "rasterio " + peer.get("rasterio").asText() + " (GDAL " + peer.get("gdal").asText()
          + "), numpy " + peer.get("numpy").asText());
    }

    // 2. GEDI: a NASA-like granule (chunked, gzip) and the demo's granules (contiguous, written by jHDF).
    if (PythonPeer.available("h5py", "numpy")) {
      Path granule = cacheDir.resolve("GEDI02_A_bench_" + gediShots + "x8.h5");
      if (!Files.exists(granule)) {
        Path partial = cacheDir.resolve(granule.getFileName() + ".partial");
        PythonPeer.run(PEER, List.of("make-gedi", partial.toString(), Integer.toString(gediShots), Long.toString(seed)), 3600);
        Files.move(partial, granule);
      }
      gedi(report, GEDI_READ, List.of(granule));
      List<Path> demoGranules;
      try (var files = Files.list(scene.resolve(DemoSceneWriter.GEDI_FOLDER))) {
        demoGranules = files.sorted().toList();
      }
      gedi(report, "GEDI read, demo granules", demoGranules);
      report.detail("gediBenchGranuleShots", shots(granule));
      report.detail("gediBenchGranuleMiB", Files.size(granule) >> 20);
      report.detail("gediIngestIncludes", "Sylva 'read + filter + project' also projects kept shots to UTM with SIS");
    } else {
      report.detail("gedi", "skipped: /usr/bin/python3 lacks h5py");
    }
    report.target(COMPOSITE, 1.0).target(GEDI_READ, 0.5);
    report.detail("loadAverageAtEnd", BenchReport.loadAverage());
    report.detail("note", "The machine may be shared: compare ratios from one run, not absolute numbers across runs.");
    Path json = report.write(out);
    System.out.print(report.toMarkdown());
    System.out.println("\nwrote " + json);
    return 0;
  }

  private void ensureScene(Path scene) throws IOException {
    if (Files.isRegularFile(scene.resolve(DemoSceneWriter.CATALOG))) {
      return; // written atomically: present means complete
    }
    DemoScene demo = DemoScene.generate(DemoSceneSpec.defaults(seed).withSize(size).withDates(dates, 2));
    try (ProgressBarListener progress = new ProgressBarListener("bench scene")) {
      new DemoSceneWriter(demo, Runtime.getRuntime().availableProcessors()).write(scene, true, progress);
    }
  }

  private JsonNode childJvm(Path scene, Path composite, int workers) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
        IngestBenchChild.class.getName(), scene.toString(), composite.toString(), Integer.toString(workers),
        Integer.toString(runs), Integer.toString(tileSize)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
      throw new IOException("the compositing JVM failed (exit " + process.exitValue() + "); with -Xmx" + heap
          + " it may have run out of heap");
    }
    String text = new String(stdout, StandardCharsets.UTF_8).strip();
    return new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
  }

  /** Sylva's raw read and read+filter+project rates beside h5py's read+filter rate on the same files. */
  private void gedi(BenchReport report, String name, List<Path> files) throws IOException {
    long shots = 0;
    for (Path f : files) {
      shots += shots(f);
    }
    readAll(files); // warm-up: JIT-compile the reader before timing, as the native peer needs no warm-up
    double read = Double.MAX_VALUE;
    double ingest = Double.MAX_VALUE;
    GediIngest gediIngest = new GediIngest(Crs.epsg(32630), GediFilterOptions.defaults());
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      readAll(files);
      read = Math.min(read, (System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      long[] kept = {0};
      gediIngest.ingestAll(files, f -> kept[0]++);
      ingest = Math.min(ingest, (System.nanoTime() - start) / 1e9);
    }
    List<String> args = new ArrayList<>(List.of("read-gedi", Integer.toString(repeats)));
    files.forEach(f -> args.add(f.toString()));
    JsonNode peer = PythonPeer.run(PEER, args, 3600);
    double peerRate = peer.get("shots").asDouble() / peer.get("seconds").asDouble();
    report.measure(new BenchReport.Measurement(name, "shots/s", shots / read, peerRate, "h5py " + peer.get("h5py").asText(), true));
    report.measure(new BenchReport.Measurement(name + " (read + filter + project)", "shots/s", shots / ingest, peerRate,
        "h5py read + numpy filter", true));
  }

  private static void readAll(List<Path> files) throws IOException {
    for (Path f : files) {
      try (GediL2aReader reader = GediL2aReader.open(f)) {
        for (GediBeam beam : reader.beams()) {
          reader.readBeam(beam);
        }
      }
    }
  }

  private static long shots(Path file) throws IOException {
    long n = 0;
    try (GediL2aReader reader = GediL2aReader.open(file)) {
      for (GediBeam beam : reader.beams()) {
        n += reader.shotCount(beam);
      }
    }
    return n;
  }

  /** Sum of a band over every 7th row and column, NaN skipped (as the peer computes it). */
  private static double checksum(Path composite, String band) throws IOException {
    try (GeoTiffReader r = GeoTiff.open(composite)) {
      float[] v = r.read(r.grid().fullWindow(), r.bandNames().indexOf(band));
      double sum = 0;
      for (int row = 0; row < r.grid().height(); row += 7) {
        for (int col = 0; col < r.grid().width(); col += 7) {
          float x = v[row * r.grid().width() + col];
          sum += Float.isNaN(x) ? 0 : x;
        }
      }
      return sum;
    }
  }

  private static double best(JsonNode seconds) {
    double best = Double.MAX_VALUE;
    for (JsonNode s : seconds) {
      best = Math.min(best, s.asDouble());
    }
    return best;
  }
}

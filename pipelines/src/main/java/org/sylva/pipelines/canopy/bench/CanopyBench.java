package org.sylva.pipelines.canopy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.models.io.Json;
import org.sylva.pipelines.bench.BenchReport;
import org.sylva.pipelines.canopy.CanopyRun;
import org.sylva.pipelines.canopy.FinishedRun;
import org.sylva.pipelines.canopy.MapOnlyPipeline;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;
import org.sylva.pipelines.canopy.predict.MapFormat;
import org.sylva.pipelines.canopy.predict.MapSettings;
import org.sylva.pipelines.flink.PipelineLauncher;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import org.sylva.pipelines.flink.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench canopy}: how fast the canopy study maps forest on this machine. Runs the README command's
 * pipeline (DirectRunner, default settings) on the demo scene from nothing (the scene is generated into a fresh
 * cache unless {@code --reuse-cache}), reports km²/h end to end with the wall time of every stage and the CPU
 * time, then times the map stage alone (composites → map with the trained model, the part a yearly production
 * run repeats) against the 100 km²/h target. Writes {@code <out>/canopy.json} and {@code .md}. The machine
 * may be shared: the load average before and after is recorded beside the numbers.
 */
@Command(name = "canopy", mixinStandardHelpOptions = true,
    description = "Canopy pipeline throughput (km²/h) end to end and for composites -> map, with the time per stage.")
public final class CanopyBench implements Callable<Integer> {

  static final double TARGET_KM2_PER_HOUR = 100;

  @Option(names = "--size", defaultValue = "2000", description = "Demo scene size in pixels of 10 m (default: ${DEFAULT-VALUE},"
      + " 400 km²).")
  int size;

  @Option(names = "--reuse-cache", description = "Reuse the demo scene in --cache-dir if it is there (default: generate"
      + " it anew, so the end-to-end time includes the scene and its composites).")
  boolean reuseCache;

  @Option(names = "--cache-dir", description = "Demo scene cache for --reuse-cache (default: the canopy command's).")
  Path cacheDir;

  @Option(names = "--map-repeats", defaultValue = "2", description = "Runs of the map stage alone; the fastest counts"
      + " (default: ${DEFAULT-VALUE}).")
  int mapRepeats;

  @Option(names = "--work", description = "Folder for the runs (default: a new temporary folder, removed afterwards).")
  Path work;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path folder = work != null ? work : Files.createTempDirectory("sylva-bench-canopy-");
    String loadBefore = loadAverage();
    List<String> args = new ArrayList<>(List.of("--demoSize=" + size, "--outputDir=" + folder.resolve("runs"),
        "--runName=bench"));
    if (!reuseCache || cacheDir != null) {
      args.add("--cacheDir=" + (reuseCache ? cacheDir : folder.resolve("cache")));
    }
    double areaKm2 = size * (double) size * 100 / 1e6;
    CanopyRun.Result run = CanopyRun.execute(args, new PipelineLauncher(), System.err);
    JsonNode manifest = Json.mapper().readTree(run.folder().resolve("run.json").toFile());
    double wall = run.outcome().wallTime().toMillis() / 1000.0;

    FinishedRun finished = FinishedRun.read(run.folder());
    double mapSeconds = Double.POSITIVE_INFINITY;
    double mapCpu = 0;
    for (int i = 0; i < Math.max(1, mapRepeats); i++) {
      PipelineOptions options = PipelineOptionsSupport.parse(List.of(), PipelineOptions.class, "sylvabenchcanopy");
      RunLayout layout = RunLayout.at(folder.resolve("map-only-" + i));
      MapSettings settings = new MapSettings(MapFormat.FLOAT32, 0, 256, 32, 512, 64, 1, 42, "bench-canopy-height");
      long cpu = StageTimer.processCpuNanos();
      RunOutcome outcome = new PipelineLauncher().run(MapOnlyPipeline.create(options, finished, settings, layout));
      double seconds = outcome.wallTime().toMillis() / 1000.0;
      if (seconds < mapSeconds) {
        mapSeconds = seconds;
        mapCpu = (StageTimer.processCpuNanos() - cpu) / 1e9;
      }
      if (!java.util.Arrays.equals(Files.readAllBytes(layout.map()), Files.readAllBytes(run.folder().resolve("canopy_height.tif")))) {
        throw new IllegalStateException("the map stage alone wrote other bytes than the full run: " + layout.map());
      }
    }

    BenchReport report = new BenchReport("canopy", String.format(Locale.ROOT, "sylva canopy on the %d x %d px demo scene"
        + " (%.0f km² at 10 m), DirectRunner, default settings (7 variants, PyTorch 1 intra-op thread per worker).",
        size, size, areaKm2));
    report.measure(new BenchReport.Measurement("end to end (scene, composites, dataset, 7 variants, map, report)", "km²/h",
        areaKm2 / wall * 3600, null, null, true));
    report.measure(new BenchReport.Measurement("composites → map with a trained model", "km²/h", areaKm2 / mapSeconds * 3600,
        TARGET_KM2_PER_HOUR, "target", true));
    report.target("composites → map with a trained model", 1.0);
    Map<String, Object> stages = new LinkedHashMap<>();
    manifest.path("stageSeconds").fields().forEachRemaining(e -> {
      if (!e.getKey().contains("/")) {
        stages.put(e.getKey(), e.getValue().asDouble());
      }
    });
    report.detail("area km²", areaKm2)
        .detail("end-to-end wall seconds", round(wall))
        .detail("end-to-end CPU seconds (all threads of this JVM)", round(run.cpuSeconds()))
        .detail("stage wall seconds", stages)
        .detail("map stage alone: wall seconds (fastest of " + Math.max(1, mapRepeats) + ")", round(mapSeconds))
        .detail("map stage alone: CPU seconds", round(mapCpu))
        .detail("demo scene generated in this run", !reuseCache)
        .detail("selected variant", finished.selection().best().name())
        .detail("cores", Runtime.getRuntime().availableProcessors())
        .detail("load average before / after", loadBefore + " / " + loadAverage())
        .detail("note", "the map stage alone wrote the same bytes as the full run; a shared machine makes wall times"
            + " longer than on an idle one, compare the CPU seconds");
    Path json = report.write(out);
    System.out.print(report.toMarkdown());
    System.out.println("wrote " + json + " and " + json.resolveSibling("canopy.md"));
    if (work == null) {
      AtomicOutput.deleteRecursively(folder);
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package org.sylva.pipelines.canopy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sylva.pipelines.flink.PipelineLauncher;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva canopy}: the canopy-height study end to end (ingest, patch dataset, seven variants trained in
 * parallel, best variant's 10 m map, metrics and report) with Beam options, and where the map and report are.
 */
@Command(
    name = "canopy",
    description = {
      "Map canopy height at 10 m: Sentinel-1/2 composites and GEDI heights -> patch dataset -> U-Net per input variant",
      "(trained in parallel) -> best variant by validation MAE -> Cloud-Optimized GeoTIFF + STAC item, metrics, report.",
      "Without options it runs on the built-in demo scene (a 20 x 20 km Landes-like forest, generated once into a cache).",
      "Options use Beam's syntax, --name=value; for example:",
      "  sylva canopy --outputDir=runs --runName=demo --seed=7",
      "  sylva canopy --demoSize=512 --epochs=8",
      "  sylva canopy --runner=FlinkRunner --flinkMaster=localhost:8081 --parallelism=2",
      "Writes <outputDir>/<runName>/ (default runs/canopy/): canopy_height.tif, canopy_height.json (STAC), report.md,",
      "variants.{md,csv,json,parquet}, metrics.json, plots/, dataset/, variants/<name>/model, dead_letters.{csv,parquet},",
      "run.json. The folder appears only when the run succeeded; an earlier run of the same name is replaced then."
    })
public final class CanopyCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, description = "Show this help with every pipeline option and its default.")
  boolean help;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (help) {
      spec.commandLine().usage(System.out);
      PipelineOptionsSupport.printHelp(System.out, CanopyOptions.class);
      return 0;
    }
    quietTrainingLogs();
    CanopyRun.Result result = CanopyRun.execute(beamArgs, new PipelineLauncher(), System.err);
    String folder = result.runFolder();
    System.out.printf(Locale.ROOT, "canopy: %s %s in %.1f s%s%n", result.outcome().runner(), result.outcome().state(),
        result.outcome().wallTime().toMillis() / 1000.0,
        result.outcome().flinkJobId().map(id -> " (Flink job " + id + ", " + result.outcome().restarts() + " restarts)")
            .orElse(""));
    System.out.println("map:    " + child(folder, "canopy_height.tif"));
    System.out.println("report: " + child(folder, "report.md"));
    return 0;
  }

  private static String child(String folder, String name) {
    return RunFolder.isRemote(folder) ? folder.replaceAll("/+$", "") + "/" + name : Path.of(folder).resolve(name).toString();
  }

  /**
   * Per-epoch INFO lines of seven concurrent trainings would drown the stage lines (each variant's progress bar
   * and result line say the same), and jHDF warns about every attribute of the demo's GEDI files. Only when
   * logback is the binding (the CLI's); Flink workers log as their cluster is configured.
   */
  static void quietTrainingLogs() {
    quiet("org.sylva.models.train.TrainingLoop", ch.qos.logback.classic.Level.WARN);
    quiet("org.sylva.models.unet.HeightTrainer", ch.qos.logback.classic.Level.WARN);
    quiet("io.jhdf", ch.qos.logback.classic.Level.ERROR);
  }

  private static void quiet(String name, ch.qos.logback.classic.Level level) {
    if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(level);
    }
  }
}

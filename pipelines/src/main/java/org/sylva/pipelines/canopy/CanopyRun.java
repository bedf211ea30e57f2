package org.sylva.pipelines.canopy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.sylva.pipelines.common.RunManifest;
import org.sylva.pipelines.flink.PipelineLauncher;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import org.sylva.pipelines.flink.RunOutcome;

/**
 * One canopy run from the client's side: parses the options, prepares the staging folder ({@link RunFolder}),
 * builds and runs the pipeline on the chosen runner ({@link PipelineLauncher}), then writes {@code run.json}
 * and moves the run folder into place. On failure the staging folder is removed and the earlier run folder,
 * if any, stays as it was.
 */
public final class CanopyRun {

  public static final String APP_NAME = "canopy";

  /** How a run ended: the run folder (path or URI), the runner's outcome and the client's CPU time. */
  public record Result(String runFolder, RunOutcome outcome, double cpuSeconds) {
    public Path folder() {
      return Path.of(runFolder);
    }
  }

  private CanopyRun() {}

  public static CanopyOptions options(List<String> args) {
    CanopyOptions options = PipelineOptionsSupport.parse(args, CanopyOptions.class, APP_NAME);
    if (options.getRunner().getSimpleName().equals("DirectRunner")
        && args.stream().noneMatch(a -> a.startsWith("--targetParallelism"))) {
      // One DirectRunner worker per variant (7), not Beam's max(cores, 3): each training uses one PyTorch
      // thread, so with fewer workers than variants a core idles while the last ones train. (Set through the
      // arguments: the bundled cluster jar has no DirectRunner classes to name.)
      List<String> more = new java.util.ArrayList<>(args);
      more.add("--targetParallelism=" + Math.max(Runtime.getRuntime().availableProcessors(), DIRECT_WORKERS));
      options = PipelineOptionsSupport.parse(more, CanopyOptions.class, APP_NAME);
    }
    return options;
  }

  /** DirectRunner threads unless --targetParallelism is given: the number of built-in variants. */
  static final int DIRECT_WORKERS = 7;

  public static Result execute(List<String> args, PipelineLauncher launcher, PrintStream log) throws IOException {
    return execute(options(args), launcher, log);
  }

  public static Result execute(CanopyOptions options, PipelineLauncher launcher, PrintStream log) throws IOException {
    Instant started = Instant.now();
    long cpuStart = StageTimer.processCpuNanos();
    FileSystems.setDefaultPipelineOptions(options);
    RunFolder folder = RunFolder.prepare(options.getOutputDir(), CanopyPipeline.runName(options), options.getStagingDir());
    try {
      CanopyPipeline.Plan plan = CanopyPipeline.plan(options, folder.layout());
      Pipeline pipeline = CanopyPipeline.create(options, plan);
      log.println("canopy: " + plan.ingestion().describe() + " -> " + folder.target());
      RunOutcome outcome = launcher.run(pipeline);
      RunManifest manifest = manifest(options, plan, started, outcome);
      double cpu = (StageTimer.processCpuNanos() - cpuStart) / 1e9;
      manifest.output("runner", outcome.runner());
      manifest.output("clientCpuSeconds", Math.round(cpu * 10) / 10.0);
      manifest.output("wallSeconds", outcome.wallTime().toMillis() / 1000.0);
      outcome.flinkJobId().ifPresent(id -> manifest.output("flinkJobId", id));
      manifest.output("flinkRestarts", outcome.restarts());
      String target = folder.finish(manifest);
      return new Result(target, outcome, cpu);
    } catch (IOException | RuntimeException | Error e) {
      folder.discard();
      throw e;
    }
  }

  private static RunManifest manifest(CanopyOptions options, CanopyPipeline.Plan plan, Instant started, RunOutcome outcome) {
    RunManifest manifest = new RunManifest(APP_NAME, options.getSeed(), started);
    plan.ingestion().manifest().forEach(manifest::input);
    manifest.input("variants", plan.variants().variants().stream().map(v -> v.name() + " " + v.bands()).toList());
    for (var entry : options.as(PipelineOptions.class).outputRuntimeOptions().entrySet()) {
      manifest.option(entry.getKey(), String.valueOf(entry.getValue()));
    }
    for (String name : optionNames()) {
      manifest.option(name, String.valueOf(get(options, name)));
    }
    manifest.option("runner", outcome.runner());
    manifest.output("map", "canopy_height.tif");
    manifest.output("report", "report.md");
    return manifest;
  }

  /** The canopy options recorded in run.json (each with its value, defaults included). */
  private static List<String> optionNames() {
    return java.util.Arrays.stream(CanopyOptions.class.getDeclaredMethods())
        .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 0)
        .map(m -> Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4))
        .sorted().toList();
  }

  private static Object get(CanopyOptions options, String name) {
    try {
      return CanopyOptions.class.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)).invoke(options);
    } catch (ReflectiveOperationException e) {
      return "?";
    }
  }

}

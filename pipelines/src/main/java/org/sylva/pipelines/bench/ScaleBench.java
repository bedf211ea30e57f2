package org.sylva.pipelines.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sylva.pipelines.flink.FlinkMaster;
import org.sylva.pipelines.flink.FlinkRestClient;
import org.sylva.pipelines.flink.PipelineLauncher;
import org.sylva.pipelines.flink.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench scale}: one CPU-bound workload on the local Flink cluster with 1, 2 and 4 task slots
 * (job parallelism), the speed-up relative to one slot, and the same job on the DirectRunner to show what
 * the cluster path costs (submission, scheduling, serialization between TaskManager JVMs). Every run must
 * write the same result bytes; a run that does not fails the benchmark.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Speed-up of a CPU-bound pipeline on 1, 2, 4 Flink slots, and FlinkRunner vs DirectRunner overhead.")
public final class ScaleBench implements Callable<Integer> {

  @Option(names = "--flink-master", defaultValue = "localhost:8081",
      description = "REST address of the Flink cluster (default: ${DEFAULT-VALUE}).")
  String flinkMaster;

  @Option(names = "--start-cluster", description = "Start a local cluster (2 TaskManagers x 2 slots) with"
      + " infra/flink/start-cluster.sh for the benchmark and stop it afterwards.")
  boolean startCluster;

  @Option(names = "--parallelism", split = ",", defaultValue = "1,2,4",
      description = "Slot counts (Flink job parallelism) to time (default: ${DEFAULT-VALUE}).")
  List<Integer> parallelisms;

  @Option(names = "--elements", defaultValue = "96", description = "Work items (default: ${DEFAULT-VALUE}).")
  long elements;

  @Option(names = "--samples", defaultValue = "40000000",
      description = "Random points per work item, i.e. CPU per item (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--repeat", defaultValue = "1",
      description = "Runs per configuration; the fastest counts (the machine may be shared). Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--workload", defaultValue = "smoke", description = "What to time: smoke (Monte-Carlo pi, the"
      + " flink-smoke pipeline) or canopy (the canopy map stage: a finished run's model over its composites)."
      + " Default: ${DEFAULT-VALUE}.")
  String workloadName;

  @Option(names = "--canopy-run", defaultValue = "runs/canopy", description = "Finished 'sylva canopy' run whose model"
      + " and composites the canopy workload maps (default: ${DEFAULT-VALUE}).")
  Path canopyRun;

  @Option(names = "--strip-rows", defaultValue = "256", description = "Canopy workload: map rows per parallel strip"
      + " (default: ${DEFAULT-VALUE}).")
  int stripRows;

  @Override
  public Integer call() throws Exception {
    ScaleWorkload workload = switch (workloadName) {
      case "smoke" -> new SmokeScaleWorkload(elements, samples);
      case "canopy" -> new org.sylva.pipelines.canopy.bench.CanopyScaleWorkload(canopyRun, stripRows);
      default -> throw new IllegalArgumentException("--workload must be smoke or canopy, got '" + workloadName + "'");
    };
    Path scratch = Files.createTempDirectory("sylva-bench-scale-");
    Path sylvaHome = Path.of(System.getProperty("sylva.home", ".")).toAbsolutePath();
    if (startCluster) {
      script(sylvaHome, "start-cluster.sh", "--taskmanagers", "2", "--slots", "2");
    }
    try {
      BenchReport report = measure(workload, scratch);
      Path json = report.write(out);
      System.out.print(report.toMarkdown());
      System.out.println("wrote " + json + " and " + json.resolveSibling(json.getFileName().toString().replace(".json", ".md")));
      return 0;
    } finally {
      if (startCluster) {
        script(sylvaHome, "stop-cluster.sh");
      }
    }
  }

  private BenchReport measure(ScaleWorkload workload, Path scratch) throws IOException {
    // The smoke workload keeps the report name "scale"; others get their own file beside it.
    BenchReport report = new BenchReport(workloadName.equals("smoke") ? "scale" : "scale-" + workloadName, workload.description()
        + ". Local Flink 1.19 session cluster vs the DirectRunner on the same machine.");
    PipelineLauncher launcher = new PipelineLauncher();
    FlinkRestClient rest = new FlinkRestClient(FlinkMaster.parse(flinkMaster), Duration.ofSeconds(5));

    Run direct = fastest(launcher, rest, workload, List.of("--runner=DirectRunner"), scratch.resolve("direct"));
    Map<Integer, Run> flink = new LinkedHashMap<>();
    for (int p : parallelisms) {
      flink.put(p, fastest(launcher, rest, workload,
          List.of("--runner=FlinkRunner", "--flinkMaster=" + flinkMaster, "--parallelism=" + p), scratch.resolve("flink-" + p)));
      if (!Arrays.equals(flink.get(p).result, direct.result)) {
        throw new IllegalStateException("FlinkRunner with " + p + " slots wrote other bytes than the DirectRunner");
      }
    }

    Run base = flink.get(parallelisms.get(0));
    for (var entry : flink.entrySet()) {
      report.measure(new BenchReport.Measurement("Flink job time, " + entry.getKey() + " slot(s)", "s",
          entry.getValue().jobSeconds, base.jobSeconds, parallelisms.get(0) + " slot(s)", false));
    }
    for (var entry : flink.entrySet()) {
      report.measure(new BenchReport.Measurement("FlinkRunner wall time, " + entry.getKey() + " slot(s)", "s",
          entry.getValue().wallSeconds, direct.wallSeconds, "DirectRunner", false));
    }
    Map<String, Object> jobSeconds = new LinkedHashMap<>();
    Map<String, Object> submissionSeconds = new LinkedHashMap<>();
    flink.forEach((p, r) -> {
      jobSeconds.put(p + " slots", round(r.jobSeconds));
      submissionSeconds.put(p + " slots", round(r.wallSeconds - r.jobSeconds));
    });
    report.detail("workload", workload.description())
        .detail("Flink job seconds (REST job duration, excludes submission)", jobSeconds)
        .detail("FlinkRunner client overhead seconds (wall - job: translate, upload, schedule, result)", submissionSeconds)
        .detail("DirectRunner wall seconds", round(direct.wallSeconds))
        .detail("runs per configuration (fastest counts)", Math.max(1, repeat))
        .detail("cluster", rest.overview())
        .detail("reading", "speed ratio of 'Flink job time' = speed-up vs the first slot count; of 'FlinkRunner"
            + " wall time' = DirectRunner time / FlinkRunner time (below 1: the cluster path is slower)."
            + " On 2 cores, speed-up beyond 2 slots cannot be expected; the machine may be shared.")
        .detail("identical result bytes on every run", true);
    return report;
  }

  private record Run(double wallSeconds, double jobSeconds, byte[] result) {}

  /** The fastest of {@code repeat} runs (by wall time); every run must write the same bytes. */
  private Run fastest(PipelineLauncher launcher, FlinkRestClient rest, ScaleWorkload workload, List<String> runnerArgs,
      Path outputDir) throws IOException {
    Run best = null;
    for (int i = 0; i < Math.max(1, repeat); i++) {
      Run run = run(launcher, rest, workload, runnerArgs, outputDir);
      if (best != null && !Arrays.equals(best.result, run.result)) {
        throw new IllegalStateException("two runs with " + runnerArgs + " wrote different bytes");
      }
      best = best == null || run.wallSeconds < best.wallSeconds ? run : best;
    }
    return best;
  }

  private static Run run(PipelineLauncher launcher, FlinkRestClient rest, ScaleWorkload workload, List<String> runnerArgs,
      Path outputDir) throws IOException {
    RunOutcome outcome = launcher.run(workload.build(runnerArgs, outputDir.toString()));
    double wall = outcome.wallTime().toMillis() / 1000.0;
    // Cluster-side execution time as Flink measured it; the DirectRunner has no separate submission.
    double job = outcome.flinkJobId()
        .map(id -> rest.get("/jobs/" + id).path("duration").asLong() / 1000.0)
        .orElse(wall);
    return new Run(wall, job, Files.readAllBytes(Path.of(workload.resultFile(outputDir.toString()))));
  }

  private static void script(Path sylvaHome, String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(sylvaHome.resolve("infra/flink").resolve(name).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("infra/flink/" + name + " failed; see its output above");
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }
}

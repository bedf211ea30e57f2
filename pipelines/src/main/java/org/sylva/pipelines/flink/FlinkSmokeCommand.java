package org.sylva.pipelines.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva flink-smoke}: runs the {@link FlinkSmokePipeline} on the DirectRunner or, with
 * {@code --runner=FlinkRunner --flinkMaster=host:port}, on a Flink cluster, and prints where the summary
 * went and how the run ended. Proves a cluster path end to end before a long job is sent to it.
 */
@Command(
    name = "flink-smoke",
    description = {
      "Run a small deterministic Beam pipeline (Monte-Carlo pi with two GroupByKeys) to prove a runner.",
      "Options use Beam's syntax, e.g.:",
      "  sylva flink-smoke --runner=FlinkRunner --flinkMaster=localhost:8081 --parallelism=2 --elements=64"
    })
public final class FlinkSmokeCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, description = "Show this help with every pipeline option and its default.")
  boolean help;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (help) {
      spec.commandLine().usage(System.out);
      PipelineOptionsSupport.printHelp(System.out, FlinkSmokeOptions.class);
      return 0;
    }
    FlinkSmokeOptions options = PipelineOptionsSupport.parse(beamArgs, FlinkSmokeOptions.class, "flinksmoke");
    FileSystems.setDefaultPipelineOptions(options);
    String summary = FlinkSmokePipeline.summaryLocation(options);
    RunOutcome outcome = new PipelineLauncher().run(FlinkSmokePipeline.create(options, summary));
    System.out.printf("%s %s in %.1f s%s: %s%n", outcome.runner(), outcome.state(), outcome.wallTime().toMillis() / 1000.0,
        outcome.flinkJobId().map(id -> " (Flink job " + id + ", " + outcome.restarts() + " restarts)").orElse(""),
        summary);
    return 0;
  }
}

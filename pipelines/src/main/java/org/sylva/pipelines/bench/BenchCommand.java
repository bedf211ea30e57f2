package org.sylva.pipelines.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sylva bench <name>}: performance measurements of Sylva beside a peer tool on the same machine in
 * the same run, written as JSON and Markdown reports (never timed unit tests).
 */
@Command(
    name = "bench",
    description = "Measure Sylva's throughput beside peer tools; writes <out>/<name>.json and .md.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ScaleBench.class,
      UnetBench.class,
      RasterBench.class,
      PinnBench.class,
      IngestBench.class,
      TscBench.class,
      org.sylva.pipelines.canopy.bench.CanopyBench.class,
    })
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}

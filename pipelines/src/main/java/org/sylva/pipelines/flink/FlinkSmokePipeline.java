package org.sylva.pipelines.flink;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.GenerateSequence;

/**
 * The pipeline behind {@code sylva flink-smoke}: {@link EstimatePi} over {@code --elements} work items,
 * written once as {@code <outputDir>/<runName>/pi-summary.txt}. It exercises what every Sylva job needs on
 * a cluster (a splittable source spread over the slots, CPU-bound DoFns, two GroupByKeys, one atomic
 * output file) and its output bytes are the same on every runner, which makes it the reference for the
 * cluster equivalence and fault tests and the workload of {@code sylva bench scale}.
 */
public final class FlinkSmokePipeline {

  public static final String SUMMARY_FILE = "pi-summary.txt";

  private FlinkSmokePipeline() {}

  public static Pipeline create(FlinkSmokeOptions options) {
    return create(options, summaryLocation(options));
  }

  /** The pipeline writing its summary to {@code summaryLocation} (a path or filesystem URI). */
  public static Pipeline create(FlinkSmokeOptions options, String summaryLocation) {
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("WorkItems", GenerateSequence.from(0).to(options.getElements()))
        .apply("EstimatePi", new EstimatePi(options.getSeed(), options.getSamplesPerElement(),
            options.getPauseMillisPerElement(), options.getGroups()))
        .apply("WriteSummary", new WriteSingleFile(summaryLocation));
    return pipeline;
  }

  /**
   * {@code <outputDir>/<runName or flink-smoke>/pi-summary.txt}. A local directory is made absolute here,
   * on the client, because TaskManagers resolve relative paths against their own working directory.
   */
  public static String summaryLocation(FlinkSmokeOptions options) {
    String run = options.getRunName().isEmpty() ? "flink-smoke" : options.getRunName();
    String dir = options.getOutputDir();
    if (dir.contains("://")) {
      return dir.replaceAll("/+$", "") + "/" + run + "/" + SUMMARY_FILE;
    }
    return Path.of(dir).toAbsolutePath().normalize().resolve(run).resolve(SUMMARY_FILE).toString();
  }
}

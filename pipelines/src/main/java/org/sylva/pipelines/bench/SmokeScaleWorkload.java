package org.sylva.pipelines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.sylva.pipelines.flink.FlinkSmokeOptions;
import org.sylva.pipelines.flink.FlinkSmokePipeline;
import org.sylva.pipelines.flink.PipelineOptionsSupport;

/** The {@link FlinkSmokePipeline} as a {@link ScaleWorkload}: CPU-bound Monte-Carlo work items. */
public final class SmokeScaleWorkload implements ScaleWorkload {

  private final long elements;
  private final long samplesPerElement;

  public SmokeScaleWorkload(long elements, long samplesPerElement) {
    this.elements = elements;
    this.samplesPerElement = samplesPerElement;
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "Monte-Carlo pi (flink-smoke pipeline), %d work items x %d points, 2 GroupByKeys",
        elements, samplesPerElement);
  }

  @Override
  public Pipeline build(List<String> runnerArgs, String outputDir) {
    return FlinkSmokePipeline.create(options(runnerArgs, outputDir));
  }

  @Override
  public String resultFile(String outputDir) {
    return FlinkSmokePipeline.summaryLocation(options(List.of(), outputDir));
  }

  private FlinkSmokeOptions options(List<String> runnerArgs, String outputDir) {
    List<String> args = new ArrayList<>(runnerArgs);
    args.addAll(List.of("--elements=" + elements, "--samplesPerElement=" + samplesPerElement,
        "--outputDir=" + outputDir, "--runName=scale"));
    return PipelineOptionsSupport.parse(args, FlinkSmokeOptions.class, "sylvabenchscale");
  }
}

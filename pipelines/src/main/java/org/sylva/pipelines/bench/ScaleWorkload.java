package org.sylva.pipelines.bench;

import java.util.List;
import org.apache.beam.sdk.Pipeline;

/**
 * The job {@code sylva bench scale} times: something CPU-bound with a deterministic result file, so every
 * runner and slot count can be checked to produce the same bytes. The Flink smoke pipeline is the first
 * workload; the canopy prediction stage plugs in by implementing this interface.
 */
public interface ScaleWorkload {

  /** One line for the report, e.g. "Monte-Carlo pi, 96 items x 4M points". */
  String description();

  /**
   * The workload's pipeline, built from runner arguments (Beam syntax: {@code --runner=...
   * --flinkMaster=... --parallelism=N}) and writing its result under {@code outputDir}.
   */
  Pipeline build(List<String> runnerArgs, String outputDir);

  /** The result file the pipeline built with this {@code outputDir} writes. */
  String resultFile(String outputDir);
}

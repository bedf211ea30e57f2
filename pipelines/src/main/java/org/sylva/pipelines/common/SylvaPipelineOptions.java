package org.sylva.pipelines.common;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options every Sylva pipeline shares. Pipelines extend this interface with their own options; Beam's
 * own options ({@code --runner=FlinkRunner --flinkMaster=host:port --parallelism=N}) pass through unchanged.
 */
public interface SylvaPipelineOptions extends PipelineOptions {

  @Description("Folder under which the run folder is created (local path or a Beam filesystem URI).")
  @Default.String("runs")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("Name of the run folder inside --outputDir; default: the pipeline name.")
  @Default.String("")
  String getRunName();

  void setRunName(String value);

  @Description("Seed for every random choice (sampling, initialisation, shuffling). Same seed, same outputs.")
  @Default.Long(42)
  long getSeed();

  void setSeed(long value);
}

package org.sylva.pipelines.flink;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.sylva.pipelines.common.SylvaPipelineOptions;

/** Options of the Flink smoke pipeline ({@code sylva flink-smoke}), a deterministic CPU-bound job. */
public interface FlinkSmokeOptions extends SylvaPipelineOptions {

  @Description("Number of work items (each one Monte-Carlo batch).")
  @Default.Long(64)
  long getElements();

  void setElements(long value);

  @Description("Random points drawn per work item: the CPU cost of one item (about 10 ms per million).")
  @Default.Long(1_000_000)
  long getSamplesPerElement();

  void setSamplesPerElement(long value);

  @Description("Extra pause per work item in milliseconds, to make a job long without using CPU (fault tests).")
  @Default.Long(0)
  long getPauseMillisPerElement();

  void setPauseMillisPerElement(long value);

  @Description("Number of groups the items are keyed into before the GroupByKey.")
  @Default.Integer(8)
  int getGroups();

  void setGroups(int value);
}

package org.sylva.pipelines.canopy;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;
import org.sylva.pipelines.canopy.predict.MapSettings;
import org.sylva.pipelines.canopy.predict.PredictCanopyMap;
import org.sylva.pipelines.canopy.predict.Selection;

/**
 * Stage 4b alone: the map of a finished run predicted again from its trained models and composites into
 * another folder. This is "composites → map with a trained model", what {@code sylva bench canopy} times and
 * {@code sylva bench scale --workload=canopy} spreads over 1, 2 and 4 Flink slots.
 */
public final class MapOnlyPipeline {

  private MapOnlyPipeline() {}

  public static Pipeline create(PipelineOptions options, FinishedRun run, MapSettings settings, RunLayout layout) {
    Pipeline p = Pipeline.create(options);
    p.apply("FinishedRun", Create.of(run.selection()).withCoder(SerializableCoder.of(Selection.class)))
        .apply("PredictMap", new PredictCanopyMap(settings, run.indices(), layout));
    return p;
  }
}

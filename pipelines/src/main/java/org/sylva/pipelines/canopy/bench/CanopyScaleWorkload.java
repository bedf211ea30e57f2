package org.sylva.pipelines.canopy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.sylva.pipelines.bench.ScaleWorkload;
import org.sylva.pipelines.canopy.FinishedRun;
import org.sylva.pipelines.canopy.MapOnlyPipeline;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.predict.MapFormat;
import org.sylva.pipelines.canopy.predict.MapSettings;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import org.sylva.pipelines.flink.SylvaFlinkOptions;

/**
 * The canopy prediction stage as a {@link ScaleWorkload}: a finished run's best model maps its composites
 * again ({@link MapOnlyPipeline}), in strips of {@code stripRows} rows that the runner spreads over its slots.
 * The result file is the map COG, whose bytes must not depend on the runner or the slot count.
 */
public final class CanopyScaleWorkload implements ScaleWorkload {

  private final Path runFolder;
  private final int stripRows;

  public CanopyScaleWorkload(Path runFolder, int stripRows) {
    this.runFolder = runFolder.toAbsolutePath().normalize();
    this.stripRows = stripRows;
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "canopy map stage: best model of %s over its composites, strips of %d rows",
        runFolder, stripRows);
  }

  @Override
  public Pipeline build(List<String> runnerArgs, String outputDir) {
    PipelineOptions options = PipelineOptionsSupport.parse(new ArrayList<>(runnerArgs), SylvaFlinkOptions.class,
        "sylvabenchscalecanopy");
    try {
      FinishedRun run = FinishedRun.read(runFolder);
      return MapOnlyPipeline.create(options, run, settings(), layout(outputDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String resultFile(String outputDir) {
    return layout(outputDir).map().toString();
  }

  private MapSettings settings() {
    return new MapSettings(MapFormat.FLOAT32, 0, 256, 32, stripRows, 64, 1, 42, "scale-canopy-height");
  }

  private static RunLayout layout(String outputDir) {
    return RunLayout.at(Path.of(outputDir).resolve("canopy-map"));
  }
}

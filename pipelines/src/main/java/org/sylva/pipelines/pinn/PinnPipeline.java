package org.sylva.pipelines.pinn;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.sylva.models.nn.TorchThreads;
import org.sylva.pipelines.common.RunManifest;
import org.sylva.pipelines.common.StagedRunFolder;
import org.sylva.pipelines.flink.PipelineLauncher;

/**
 * {@code sylva pinn}: a PINN hyper-parameter sweep as a Beam pipeline,
 * {@code Create(configurations) → TrainConfigurations → WriteSweepReport}, then the run manifest.
 */
public final class PinnPipeline {

  /** Where a finished sweep put its outputs and what it found. */
  public record Outcome(Path runFolder, int configurations, List<Map<String, Object>> rows, Duration took) {}

  private PinnPipeline() {}

  public static Pipeline build(PinnOptions options, List<PinnJob> jobs, Path runFolder) {
    Pipeline p = Pipeline.create(options);
    String folder = runFolder.toAbsolutePath().toString();
    p.apply("Configurations", Create.of(jobs).withCoder(SerializableCoder.of(PinnJob.class)))
        .apply("TrainConfigurations", new TrainConfigurations(folder, options.getTorchThreads(), jobs.size() == 1))
        .apply("WriteSweepReport", new WriteSweepReport(folder));
    return p;
  }

  public static Outcome run(PinnOptions options) throws IOException {
    Instant started = Instant.now();
    SweepSpec spec = SweepSpec.from(options);
    List<PinnJob> jobs = spec.jobs();
    String runName = StagedRunFolder.requirePlainName(options.getRunName().isBlank() ? "pinn" : options.getRunName());
    // Absolute: on a Flink cluster the workers write here from their own working folders.
    StagedRunFolder folder = StagedRunFolder.prepare(Path.of(options.getOutputDir()), runName);
    try {
      Outcome staged = sweep(options, spec, jobs, folder.staging(), started);
      return new Outcome(folder.commit(), staged.configurations(), staged.rows(), staged.took());
    } catch (IOException | RuntimeException | Error e) {
      folder.discard();
      throw e;
    }
  }

  private static Outcome sweep(PinnOptions options, SweepSpec spec, List<PinnJob> jobs, Path runFolder, Instant started)
      throws IOException {
    TorchThreads.set(options.getTorchThreads());
    long t0 = System.nanoTime();
    new PipelineLauncher().run(build(options, jobs, runFolder));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Path json = runFolder.resolve("results.json");
    if (!Files.isRegularFile(json)) {
      throw new IOException(json + ": the sweep finished without writing its results");
    }
    // Diverged rows carry NaN errors, which Jackson writes as bare NaN tokens.
    ObjectMapper reader = new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    List<Map<String, Object>> rows = reader.readValue(json.toFile(), new TypeReference<>() {});
    if (rows.stream().noneMatch(r -> PinnRunResult.OK.equals(r.get("status")))) {
      throw new IllegalStateException(rows.isEmpty() ? "no configuration was trained" : String.valueOf(rows.get(0).get("stop")));
    }
    manifest(options, spec, jobs, started, took).write(runFolder);
    return new Outcome(runFolder, jobs.size(), rows, took);
  }

  private static RunManifest manifest(PinnOptions o, SweepSpec spec, List<PinnJob> jobs, Instant started, Duration took) {
    RunManifest m = new RunManifest("pinn", o.getSeed(), started)
        .input("sweepFile", o.getSweepFile().isBlank() ? null : Path.of(o.getSweepFile()).toAbsolutePath().toString())
        .option("profile", spec.profile().name().toLowerCase(java.util.Locale.ROOT))
        .option("pdes", spec.pdes())
        .option("pdeParameters", spec.pdeParameters())
        .option("widths", spec.widths())
        .option("depths", spec.depths())
        .option("collocation", spec.collocation())
        .option("conditionPoints", spec.conditionPoints())
        .option("weights", spec.weights())
        .option("seeds", spec.seeds())
        .option("adamSteps", spec.adamSteps())
        .option("learningRate", spec.learningRate())
        .option("lbfgsIterations", spec.lbfgsIterations())
        .option("sampling", spec.sampling().name().toLowerCase(java.util.Locale.ROOT))
        .option("torchThreads", o.getTorchThreads())
        .option("runner", o.getRunner().getSimpleName())
        .output("configurations", jobs.size())
        .output("results", List.of("results.parquet", "results.csv", "results.json", "results.md"))
        .output("best", "best/best.json")
        .output("lossCurves", "configs/<label>/loss.{csv,png}")
        .stage("sweep", took);
    return m;
  }
}

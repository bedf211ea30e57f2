package org.sylva.pipelines.tsc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.models.tsc.Seeds;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;
import org.sylva.models.tsc.train.Architecture;
import org.sylva.models.tsc.train.TrainingProfile;
import org.sylva.pipelines.common.RunManifest;
import org.sylva.pipelines.common.StagedRunFolder;
import org.sylva.pipelines.flink.PipelineLauncher;

/**
 * The {@code sylva tsc} pipeline, read as a sentence: make the (dataset, model, run) cells, run the
 * experiments in parallel, write the reports. Before it, the driver checks every input (datasets found,
 * models known) so a bad option fails in a second, and generates the synthetic datasets when no archive is
 * given; after it, the run manifest records inputs, options, versions and stage times.
 */
public final class TscPipeline {

  /** Upper bound of cells trained at once on the DirectRunner when --cellParallelism is 0. */
  static final int MAX_DIRECT_PARALLELISM = 32;

  private TscPipeline() {}

  /** Runs the benchmark; returns the run folder. */
  public static Path run(TscOptions options) throws IOException {
    Instant started = Instant.now();
    String runName = StagedRunFolder.requirePlainName(options.getRunName().isBlank() ? "tsc" : options.getRunName());
    List<String> models = models(options.getModels());
    if (options.getRuns() < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + options.getRuns());
    }
    if (options.getCheckpointMinutes() < 0) {
      throw new IllegalArgumentException("--checkpointMinutes must be 0 (none) or more, got " + options.getCheckpointMinutes());
    }
    if (options.getEpochsOverride() < 0) {
      throw new IllegalArgumentException("--epochs must be positive (or 0 for the profile's), got " + options.getEpochsOverride());
    }
    StagedRunFolder folder = StagedRunFolder.prepare(Path.of(options.getOutputDir()), runName);
    try {
      return runPipeline(options, models, folder, started);
    } catch (IOException | RuntimeException | Error e) {
      folder.discard();
      throw e;
    }
  }

  /**
   * Everything is written into the staging folder, which is moved into place only after the manifest is
   * written; checkpoints live beside the final folder and are removed only once the run folder is in place.
   */
  private static Path runPipeline(TscOptions options, List<String> models, StagedRunFolder folder, Instant started)
      throws IOException {
    Path runDir = folder.staging();
    RunManifest manifest = new RunManifest("tsc", options.getSeed(), started);

    stage(1, "datasets");
    Instant t = Instant.now();
    List<String> datasets = names(options.getDatasets());
    boolean generated = options.getArchive().isBlank();
    Path archive = generated ? runDir.resolve("data") : Path.of(options.getArchive()).toAbsolutePath();
    Path archiveAfterCommit = generated ? folder.target().resolve("data") : archive;
    if (generated) {
      List<SyntheticDataset> toGenerate = new ArrayList<>();
      for (String name : datasets) {
        toGenerate.add(SyntheticDataset.byArchiveName(name).orElseThrow(() -> new IllegalArgumentException(
            "dataset " + name + " cannot be generated (generated: " + String.join(", ", SyntheticDataset.archiveNames())
                + "); pass --archive DIR for archive datasets")));
      }
      for (SyntheticDataset d : toGenerate) {
        SyntheticArchive.write(archive, d, options.getSeed());
        System.err.printf(Locale.ROOT, "  generated %s: %d train, %d test, length %d -> %s%n", d.archiveName(),
            d.trainSize(), d.testSize(), d.generator().length(), archiveAfterCommit.resolve(d.archiveName()));
      }
      datasets = toGenerate.stream().map(SyntheticDataset::archiveName).toList();
    } else {
      if (archive.normalize().startsWith(folder.target())) {
        throw new IllegalArgumentException("--archive " + archive + " is inside the run folder " + folder.target()
            + ", which this run replaces; move the archive or choose another --runName");
      }
      if (datasets.equals(List.of("all"))) {
        datasets = TscArchive.datasets(archive);
        if (datasets.isEmpty()) {
          throw new IOException(archive + ": no datasets (folders with <Name>_TRAIN and _TEST .tsv/.ts files)");
        }
      }
      for (String name : datasets) {
        TscArchive.DatasetFiles files = TscArchive.locate(archive, name);
        System.err.printf(Locale.ROOT, "  %s: %s, %s%n", name, files.train(), files.test());
      }
    }
    manifest.stage("datasets", Duration.between(t, Instant.now()));

    List<TscTask> tasks = cells(datasets, models, options.getRuns(), options.getSeed());
    TrainingProfile profile = options.getQuick() ? TrainingProfile.QUICK : TrainingProfile.PAPER;
    Path checkpoints = TscCheckpoints.root(options.getCheckpointDir(), folder.target());
    RunExperiments.Spec spec = new RunExperiments.Spec(archive.toString(), options.getNormalise(),
        options.getLengthPolicy(), profile, options.getEpochsOverride(), options.getTorchThreads(),
        checkpoints.toString(), options.getCheckpointMinutes());

    stage(2, "train and test " + tasks.size() + " cells (" + datasets.size() + " datasets x " + models.size()
        + " models x " + options.getRuns() + " runs, " + profile.name().toLowerCase(Locale.ROOT) + " profile"
        + (options.getEpochsOverride() > 0 ? ", " + options.getEpochsOverride() + " epochs" : "") + "), then write reports");
    t = Instant.now();
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      int parallelism = options.getCellParallelism() > 0 ? options.getCellParallelism()
          : Math.min(tasks.size(), MAX_DIRECT_PARALLELISM);
      options.as(DirectOptions.class).setTargetParallelism(parallelism);
    }
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("Cells", Create.of(tasks).withCoder(SerializableCoder.of(TscTask.class)))
        .apply("RunExperiments", new RunExperiments(spec))
        .apply("WriteReports", new WriteTscReports(runDir.toString()));
    try {
      new PipelineLauncher().run(pipeline); // on a Flink cluster: preflight checks, one staged jar, REST progress
    } catch (RuntimeException e) {
      if (Files.isDirectory(checkpoints)) {
        System.err.printf(Locale.ROOT, "sylva tsc: checkpoints of the unfinished cells are kept in %s; run the same "
            + "command again to resume them%n", checkpoints);
      }
      throw e;
    }
    manifest.stage("train, test and report", Duration.between(t, Instant.now()));

    stage(3, "manifest");
    manifest.input("archive", archiveAfterCommit.toString())
        .input("generatedDatasets", generated)
        .input("datasets", datasets)
        .option("models", models)
        .option("runs", options.getRuns())
        .option("profile", profile.name().toLowerCase(Locale.ROOT))
        .option("epochsOverride", options.getEpochsOverride())
        .option("zNormalise", options.getNormalise())
        .option("lengthPolicy", options.getLengthPolicy().name())
        .option("torchThreads", options.getTorchThreads())
        .option("cellParallelism", options.getCellParallelism())
        .option("checkpointMinutes", options.getCheckpointMinutes())
        .option("runner", options.getRunner().getSimpleName());
    for (String file : List.of("accuracy_runs", "accuracy", "history", "ranking", "pairwise")) {
      if (Files.exists(runDir.resolve(file + ".csv"))) {
        manifest.output(file, file + ".parquet");
      }
    }
    Path tests = runDir.resolve("ranking_tests.json");
    if (Files.exists(tests)) {
      manifest.output("rankingTests", new ObjectMapper().readValue(tests.toFile(), Object.class));
      manifest.output("cdDiagram", "cd_diagram.png");
    }
    manifest.output("report", "report.md");
    manifest.write(runDir);
    Path committed = folder.commit();
    AtomicOutput.deleteRecursively(checkpoints); // only now: until the run folder is in place a rerun resumes
    return committed;
  }

  /** The (dataset, model, run) cells, each with its own seed derived from the run's seed and its names. */
  static List<TscTask> cells(List<String> datasets, List<String> models, int runs, long seed) {
    List<TscTask> tasks = new ArrayList<>();
    for (String dataset : datasets) {
      for (String model : models) {
        for (int run = 1; run <= runs; run++) {
          tasks.add(new TscTask(dataset, model, run, Seeds.derive(seed, dataset, model, "run", Integer.toString(run))));
        }
      }
    }
    return tasks;
  }

  private static void stage(int number, String what) {
    System.err.printf(Locale.ROOT, "sylva tsc [%d/3] %s%n", number, what);
  }

  static List<String> names(String commaSeparated) {
    List<String> names = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no names given in '" + commaSeparated + "'");
    }
    return List.copyOf(new LinkedHashSet<>(names));
  }

  /** Display names of the requested models, validated. */
  static List<String> models(String commaSeparated) {
    return names(commaSeparated).stream().map(n -> Architecture.parse(n).displayName()).distinct().toList();
  }
}

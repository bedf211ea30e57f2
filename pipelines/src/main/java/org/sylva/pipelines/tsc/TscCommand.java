package org.sylva.pipelines.tsc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sylva.models.tsc.data.LengthPolicy;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code sylva tsc}: the UCR/UEA time-series classification benchmark. The options below are the
 * pipeline's ({@link TscOptions}); anything else (e.g. {@code --runner=FlinkRunner --flinkMaster=host:8081
 * --parallelism=4}) is passed to Beam as it is.
 */
@Command(
    name = "tsc",
    mixinStandardHelpOptions = true,
    description = {
      "Time-series classification benchmark (Fawaz et al. 2019): trains MLP / FCN / ResNet / InceptionTime on "
          + "UCR/UEA datasets, one parallel Beam element per (dataset, model, run).",
      "Writes <outputDir>/<runName>/: accuracy_runs.*, accuracy.* (mean ± std, beside the published accuracy), "
          + "history.*, ranking.*, pairwise.*, ranking_tests.json, cd_diagram.png (with >= 3 datasets), report.md, run.json.",
      "Without --archive the published generators make CBF, SyntheticControl and TwoPatterns (UCR sizes) into "
          + "<run folder>/data first.",
      "Other options are passed to Apache Beam, e.g. --runner=FlinkRunner --flinkMaster=host:8081 --parallelism=4."
    },
    sortOptions = false)
public final class TscCommand implements Callable<Integer> {

  @Option(names = "--datasets", paramLabel = "NAMES", defaultValue = "CBF,SyntheticControl,TwoPatterns",
      description = "Comma-separated dataset names (archive folders; 'all' = the whole archive). Default: ${DEFAULT-VALUE}.")
  String datasets;

  @Option(names = "--models", paramLabel = "NAMES", defaultValue = "FCN,ResNet",
      description = "Comma-separated classifiers: MLP, FCN, ResNet, InceptionTime. Default: ${DEFAULT-VALUE}.")
  String models;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
      description = "Runs (seeds) per dataset and classifier; tables report mean and std. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--quick",
      description = "Quick profile: 1/20 of the paper's epochs (MLP 250, FCN 100, ResNet 75, InceptionTime 75).")
  boolean quick;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "0",
      description = "Epochs for every classifier, overriding the profile (paper: MLP 5000, FCN 2000, ResNet 1500, "
          + "InceptionTime 1500). 0 = the profile's.")
  int epochs;

  @Option(names = "--archive", paramLabel = "DIR",
      description = "UCR/UEA archive directory (<Name>/<Name>_TRAIN.tsv|.ts, also under UCRArchive_2018/, "
          + "Univariate_ts/, Multivariate_ts/). Default: generate CBF, SyntheticControl, TwoPatterns.")
  Path archive;

  @Option(names = {"--outputDir", "--output-dir"}, paramLabel = "DIR", defaultValue = "runs",
      description = "Folder that holds the run folder. Default: ${DEFAULT-VALUE}.")
  String outputDir;

  @Option(names = {"--runName", "--run-name"}, paramLabel = "NAME", defaultValue = "tsc",
      description = "Run folder name. Default: ${DEFAULT-VALUE}.")
  String runName;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of every random choice (data generation, initial weights, batches, dropout). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = {"--lengthPolicy", "--length-policy"}, paramLabel = "POLICY", defaultValue = "RESAMPLE",
      description = "Unequal lengths: RESAMPLE (linear interpolation to the longest) or PAD_ZEROS. Default: ${DEFAULT-VALUE}.")
  LengthPolicy lengthPolicy;

  @Option(names = {"--no-z-normalise", "--no-znormalise"},
      description = "Keep series as stored instead of z-normalising each one (dl-4-tsc z-normalises).")
  boolean noZNormalise;

  @Option(names = {"--cellParallelism", "--cell-parallelism"}, paramLabel = "N", defaultValue = "0",
      description = "DirectRunner: cells trained at once; 0 = all of them (up to 32), so no thread waits for a long cell. "
          + "Default: ${DEFAULT-VALUE}.")
  int cellParallelism;

  @Option(names = {"--torchThreads", "--torch-threads"}, paramLabel = "N", defaultValue = "1",
      description = "PyTorch threads per training (0 = engine default). Default: ${DEFAULT-VALUE}, fastest when "
          + "several networks train at once.")
  int torchThreads;

  @Option(names = {"--checkpointMinutes", "--checkpoint-minutes"}, paramLabel = "MIN", defaultValue = "10",
      description = "Minutes of training between checkpoints of a cell; after a failure the same command resumes "
          + "each unfinished cell from its checkpoint, with the same result. 0 = none. Default: ${DEFAULT-VALUE}.")
  int checkpointMinutes;

  @Option(names = {"--checkpointDir", "--checkpoint-dir"}, paramLabel = "DIR", defaultValue = "",
      description = "Where the run's checkpoint folder <runName>.checkpoints goes (every worker must see it). "
          + "Default: <outputDir>/.<runName>.checkpoints. Removed when the run succeeds.")
  String checkpointDir;

  @Unmatched
  List<String> passThrough = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    TscOptions options = PipelineOptionsSupport.parse(beamArgs(), TscOptions.class, "tsc");
    Path runDir = TscPipeline.run(options);
    System.out.println(runDir.resolve("report.md"));
    return 0;
  }

  /** The pipeline's options as Beam arguments, followed by the pass-through ones. */
  List<String> beamArgs() {
    List<String> args = new ArrayList<>();
    args.add("--datasets=" + datasets);
    args.add("--models=" + models);
    args.add("--runs=" + runs);
    args.add("--quick=" + quick);
    args.add("--epochsOverride=" + epochs);
    args.add("--archive=" + (archive == null ? "" : archive.toString()));
    args.add("--outputDir=" + outputDir);
    args.add("--runName=" + runName);
    args.add("--seed=" + seed);
    args.add("--lengthPolicy=" + lengthPolicy.name());
    args.add("--normalise=" + !noZNormalise);
    args.add("--cellParallelism=" + cellParallelism);
    args.add("--torchThreads=" + torchThreads);
    args.add("--checkpointMinutes=" + checkpointMinutes);
    args.add("--checkpointDir=" + checkpointDir);
    args.addAll(passThrough);
    return args;
  }
}

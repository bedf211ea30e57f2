package org.sylva.pipelines.tsc;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.progress.ProgressBar;
import org.sylva.models.tsc.data.LengthPolicy;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.train.Architecture;
import org.sylva.models.tsc.train.EpochListener;
import org.sylva.models.tsc.train.EpochSummary;
import org.sylva.models.tsc.train.ExperimentResult;
import org.sylva.models.tsc.train.TrainingHistory;
import org.sylva.models.tsc.train.TrainingProfile;
import org.sylva.models.tsc.train.TrainingSettings;
import org.sylva.models.tsc.train.TscExperiment;

/**
 * The parallel stage of the benchmark: the (dataset, model, run) cells are spread over the workers
 * ({@link Reshuffle} breaks the fusion with the small {@code Create} so the runner may distribute them)
 * and each is trained and tested on its own.
 */
public final class RunExperiments extends PTransform<PCollection<TscTask>, PCollection<TscRunResult>> {

  private static final long serialVersionUID = 1L;

  /** Cells train for hours on the paper's epochs: a progress line every 2 % (plain lines, as workers log). */
  static final int PROGRESS_EVERY_PERCENT = 2;

  /**
   * What every cell shares: where the data is, how it is preprocessed, how long to train, and where and how
   * often cells checkpoint ({@code checkpointDir} empty or {@code checkpointMinutes} 0: never).
   */
  public record Spec(String archive, boolean zNormalise, LengthPolicy lengthPolicy, TrainingProfile profile,
      int epochsOverride, int torchThreads, String checkpointDir, int checkpointMinutes) implements Serializable {

    private static final long serialVersionUID = 1L;

    Preprocessing preprocessing() {
      return new Preprocessing(zNormalise, lengthPolicy);
    }

    /** The cell's checkpoint folder, or null when checkpoints are off. */
    Path checkpoints(TscTask task) {
      return checkpointDir.isEmpty() || checkpointMinutes == 0 ? null : TscCheckpoints.cell(Path.of(checkpointDir), task);
    }

    TrainingSettings settings(Architecture architecture, int trainSize) {
      TrainingSettings settings = TrainingSettings.of(architecture, profile, trainSize);
      return epochsOverride > 0 ? settings.withEpochs(epochsOverride) : settings;
    }
  }

  private final Spec spec;

  public RunExperiments(Spec spec) {
    this.spec = spec;
  }

  @Override
  public PCollection<TscRunResult> expand(PCollection<TscTask> tasks) {
    return tasks
        .apply("SpreadCells", Reshuffle.viaRandomKey())
        .apply("TrainAndTest", ParDo.of(new TrainAndTestFn(spec)))
        .setCoder(SerializableCoder.of(TscRunResult.class));
  }

  /** Trains and tests one cell; datasets are read once per worker instance and kept. */
  static final class TrainAndTestFn extends DoFn<TscTask, TscRunResult> {

    private static final long serialVersionUID = 1L;

    private final Spec spec;
    private transient Map<String, TrainTestSplit> datasets;

    TrainAndTestFn(Spec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      datasets = new HashMap<>();
      TorchThreads.set(spec.torchThreads());
    }

    @ProcessElement
    public void process(@Element TscTask task, OutputReceiver<TscRunResult> out) {
      out.output(run(task));
    }

    TscRunResult run(TscTask task) {
      TrainTestSplit data = dataset(task.dataset());
      Architecture architecture = Architecture.parse(task.model());
      TrainingSettings settings = spec.settings(architecture, data.train().size());
      Path checkpoints = spec.checkpoints(task);
      String key = checkpoints == null ? ""
          : FinishedCells.key(task, architecture, settings, spec.preprocessing(), data);
      try {
        if (checkpoints != null) {
          Optional<TscRunResult> finished = FinishedCells.read(checkpoints, key);
          if (finished.isPresent()) {
            System.err.printf(Locale.ROOT, "%s: finished in an earlier attempt, result kept in %s (test accuracy %.4f)%n",
                task.label(), checkpoints.resolve(FinishedCells.FILE), finished.get().accuracy());
            return finished.get();
          }
        }
        TscRunResult result = trainAndTest(task, data, architecture, settings, checkpoints);
        if (checkpoints != null) {
          FinishedCells.write(checkpoints, key, result);
        }
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private TscRunResult trainAndTest(TscTask task, TrainTestSplit data, Architecture architecture,
        TrainingSettings settings, Path checkpoints) {
      long total = (long) settings.epochs() * architecture.ensembleSize();
      System.err.printf(Locale.ROOT, "%s: training %d x %d epochs, batch %d%n", task.label(),
          architecture.ensembleSize(), settings.epochs(), settings.batchSize());
      ExperimentResult result;
      try (ProgressBar bar = ProgressBar.plain(task.label(), total, System.err, PROGRESS_EVERY_PERCENT, System::nanoTime)) {
        result = TscExperiment.run(architecture, data, settings, task.seed(), new CellProgress(task, bar),
            checkpoints, Duration.ofMinutes(spec.checkpointMinutes()));
      }
      System.err.printf(Locale.ROOT, "%s: test accuracy %.4f (%d epochs, batch %d, %.0f s)%n", task.label(),
          result.testAccuracy(), settings.epochs(), settings.batchSize(), result.trainSeconds());
      List<TscRunResult.MemberHistory> members = new ArrayList<>();
      for (int m = 0; m < result.members().size(); m++) {
        members.add(history(m, result.members().get(m)));
      }
      return new TscRunResult(task, result.testAccuracy(), settings.epochs(), settings.batchSize(),
          data.train().size(), data.test().size(), data.train().length(), data.train().channels(),
          data.train().classCount(), result.trainSeconds(), members, result.confusion());
    }

    /** The cell's progress bar and its log lines about checkpoints. */
    private record CellProgress(TscTask task, ProgressBar bar) implements EpochListener {

      @Override
      public void onEpochEnd(EpochSummary e) {
        bar.step(1, String.format(Locale.ROOT, "loss %.4f lr %.2g", e.loss(), e.learningRate()));
      }

      @Override
      public void onResume(int epochsDone, Path checkpoint) {
        System.err.printf(Locale.ROOT, "%s: resuming after epoch %d from %s%n", task.label(), epochsDone, checkpoint);
        bar.skip(epochsDone);
      }

      @Override
      public void onCheckpointIgnored(Path checkpoint, String reason) {
        System.err.printf(Locale.ROOT, "%s: not resuming from %s, %s; training afresh%n", task.label(), checkpoint,
            reason);
      }
    }

    private TrainTestSplit dataset(String name) {
      return datasets.computeIfAbsent(name, n -> {
        try {
          return TscArchive.load(Path.of(spec.archive()), n, spec.preprocessing());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    private static TscRunResult.MemberHistory history(int member, TrainingHistory h) {
      int n = h.epochs().size();
      double[] loss = new double[n];
      double[] accuracy = new double[n];
      double[] rate = new double[n];
      for (int i = 0; i < n; i++) {
        EpochSummary e = h.epochs().get(i);
        loss[i] = e.loss();
        accuracy[i] = e.accuracy();
        rate[i] = e.learningRate();
      }
      return new TscRunResult.MemberHistory(member, loss, accuracy, rate, h.bestEpoch(), h.bestLoss());
    }
  }
}

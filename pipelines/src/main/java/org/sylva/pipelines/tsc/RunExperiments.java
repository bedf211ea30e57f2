package org.sylva.pipelines.tsc;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** What every cell shares: where the data is, how it is preprocessed, how long to train. */
  public record Spec(String archive, boolean zNormalise, LengthPolicy lengthPolicy, TrainingProfile profile,
      int epochsOverride, int torchThreads) implements Serializable {

    private static final long serialVersionUID = 1L;

    Preprocessing preprocessing() {
      return new Preprocessing(zNormalise, lengthPolicy);
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
      long total = (long) settings.epochs() * architecture.ensembleSize();
      System.err.printf(Locale.ROOT, "%s: training %d x %d epochs, batch %d%n", task.label(),
          architecture.ensembleSize(), settings.epochs(), settings.batchSize());
      ExperimentResult result;
      try (ProgressBar bar = ProgressBar.plain(task.label(), total, System.err, PROGRESS_EVERY_PERCENT, System::nanoTime)) {
        result = TscExperiment.run(architecture, data, settings, task.seed(),
            e -> bar.step(1, String.format(Locale.ROOT, "loss %.4f lr %.2g", e.loss(), e.learningRate())));
      }
      System.err.printf(Locale.ROOT, "%s: test accuracy %.4f (%d epochs, batch %d, %.0f s)%n", task.label(),
          result.testAccuracy(), settings.epochs(), settings.batchSize(), result.trainSeconds());
      List<TscRunResult.MemberHistory> members = new ArrayList<>();
      for (int m = 0; m < result.members().size(); m++) {
        members.add(history(m, result.members().get(m)));
      }
      return new TscRunResult(task, result.testAccuracy(), settings.epochs(), settings.batchSize(),
          data.train().size(), data.test().size(), data.train().length(), data.train().channels(),
          data.train().classCount(), result.trainSeconds(), members);
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

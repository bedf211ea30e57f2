package org.sylva.pipelines.pinn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.progress.ProgressBar;
import org.sylva.physics.eval.SolutionField;
import org.sylva.physics.pde.PdeProblem;
import org.sylva.physics.train.PinnTrainer;
import org.sylva.physics.train.TrainingDivergedException;
import org.sylva.physics.train.TrainingListener;
import org.sylva.physics.train.TrainingResult;

/**
 * Trains every configuration of the sweep, one element per configuration. A {@link Reshuffle} first
 * breaks the fusion with the small {@code Create} so runners spread configurations over workers (Flink
 * task slots, DirectRunner threads). Each training writes its loss curve ({@code configs/<label>/loss.csv}
 * and {@code .png}) into the run folder, which must therefore be a path every worker can write.
 */
public final class TrainConfigurations extends PTransform<PCollection<PinnJob>, PCollection<PinnRunResult>> {

  private final String runFolder;
  private final int torchThreads;
  private final boolean interactiveProgress;

  /**
   * @param runFolder run folder (shared file system for clusters)
   * @param torchThreads PyTorch intra-op threads per worker JVM
   * @param interactiveProgress a redrawn terminal progress bar (single configuration) instead of log lines
   */
  public TrainConfigurations(String runFolder, int torchThreads, boolean interactiveProgress) {
    this.runFolder = runFolder;
    this.torchThreads = torchThreads;
    this.interactiveProgress = interactiveProgress;
  }

  @Override
  public PCollection<PinnRunResult> expand(PCollection<PinnJob> jobs) {
    return jobs
        .apply("SpreadConfigurations", Reshuffle.viaRandomKey())
        .apply("Train", ParDo.of(new TrainFn(runFolder, torchThreads, interactiveProgress)))
        .setCoder(SerializableCoder.of(PinnRunResult.class));
  }

  /** Trains one configuration and measures it against the reference. */
  static final class TrainFn extends DoFn<PinnJob, PinnRunResult> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainFn.class);
    private final String runFolder;
    private final int torchThreads;
    private final boolean interactiveProgress;

    TrainFn(String runFolder, int torchThreads, boolean interactiveProgress) {
      this.runFolder = runFolder;
      this.torchThreads = torchThreads;
      this.interactiveProgress = interactiveProgress;
    }

    @Setup
    public void setup() {
      TorchThreads.set(torchThreads);
    }

    @ProcessElement
    public void process(@Element PinnJob job, OutputReceiver<PinnRunResult> out) {
      out.output(train(job, Path.of(runFolder), interactiveProgress));
    }

    static PinnRunResult train(PinnJob job, Path runFolder, boolean interactive) {
      PdeProblem problem = job.problem();
      int planned = job.config().adamSteps() + job.config().lbfgsIterations();
      ProgressBar bar = interactive ? ProgressBar.start(job.label(), planned)
          : ProgressBar.plain(job.label(), planned, System.err, 25, System::nanoTime);
      TrainingResult result;
      try (bar) {
        result = PinnTrainer.train(problem, job.config(), TrainingListener.progress(bar));
      } catch (TrainingDivergedException e) {
        LOG.warn("{}: {}", job.label(), e.getMessage());
        return new PinnRunResult(job, PinnRunResult.DIVERGED, Double.NaN, Double.NaN, Double.NaN,
            java.util.Map.of(), 0, 0, 0, 0, e.getMessage(), new float[0]);
      }
      SolutionField field = SolutionField.evaluate(problem, result.network(), result.parameters());
      try {
        Path dir = runFolder.resolve("configs").resolve(job.label());
        result.history().writeCsv(dir.resolve("loss.csv"));
        result.history().writePng(dir.resolve("loss.png"), job.label() + " loss");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new PinnRunResult(job, PinnRunResult.OK, field.relativeL2(), field.maxAbsError(), result.loss(),
          result.terms(), result.adamSteps(), result.lbfgsIterations(), result.evaluations(), result.seconds(),
          result.stop(), field.predicted());
    }
  }
}

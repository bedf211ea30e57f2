package org.sylva.models.tsc.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sylva.models.train.CheckpointableAdamW;
import org.sylva.models.train.ResumableOptimizer;
import org.sylva.models.tsc.Seeds;
import org.sylva.models.tsc.data.TimeSeriesDataset;
import org.sylva.models.tsc.nn.GlorotUniform;

/**
 * The training loop of the reference Keras code, on DJL: mini-batches of a fresh permutation each epoch,
 * Keras' categorical cross-entropy ({@link KerasCrossEntropy}), Adam or Adadelta with a reduce-on-plateau learning rate
 * driven by the epoch's training loss, and the weights of the lowest-loss epoch kept. Loss, optimisers,
 * plateau rule and batch-norm settings follow Keras 2.2, the version the paper's results were made with. No validation data
 * takes part in training or model selection (the reference passes the test set only to log it).
 *
 * <p>Every random choice (Glorot initial weights, batch order, dropout masks inside the network) comes from
 * seeds derived from {@code seed}, never from the engine's global generator, so the same seed gives the same
 * weights and accuracy on CPU, also when several trainings run in parallel threads.
 *
 * <p>With a {@link CheckpointPolicy} the loop keeps a {@link TrainingCheckpoint} of everything it would need
 * to go on, and a training started again after a crash continues from it with the same result, to the bit,
 * as one that never stopped.
 */
public final class ClassifierTrainer {

  private ClassifierTrainer() {}

  /** Trains {@code block} on {@code train}; the returned classifier holds the best-loss weights. */
  public static TrainedClassifier fit(Block block, TimeSeriesDataset train, TrainingSettings settings, long seed,
      EpochListener listener) {
    return fit(block, train, settings, seed, listener, CheckpointPolicy.NONE);
  }

  /**
   * As {@link #fit(Block, TimeSeriesDataset, TrainingSettings, long, EpochListener)}, keeping a checkpoint as
   * {@code checkpoints} says and first continuing from the one already there, if it was written by this same
   * training (see {@link ResumableTraining#fingerprint}); one of another training is left unused and
   * overwritten. The result is bit-identical to a training that was never interrupted.
   */
  public static TrainedClassifier fit(Block block, TimeSeriesDataset train, TrainingSettings settings, long seed,
      EpochListener listener, CheckpointPolicy checkpoints) {
    long started = System.nanoTime();
    String fingerprint = checkpoints.enabled() ? ResumableTraining.fingerprint(block, train, settings, seed) : "";
    TrainingCheckpoint resumed = checkpoints.enabled() ? readMatching(checkpoints.file(), fingerprint, listener) : null;
    int epochsDone = resumed == null ? 0 : resumed.epochsDone();
    Model model = Model.newInstance("tsc", Device.cpu());
    boolean done = false;
    try {
      model.setBlock(block);
      PlateauLearningRate learningRate = new PlateauLearningRate(settings.learningRate(), settings.plateau());
      EpochBatches batches = new EpochBatches(train.size(), settings.batchSize(), Seeds.derive(seed, "batches"));
      Optimizer optimizer = optimizer(settings.optimizer(), learningRate, epochsDone * batches.batchesPerEpoch());
      DefaultTrainingConfig config = new DefaultTrainingConfig(new KerasCrossEntropy())
          .optOptimizer(optimizer)
          .optInitializer(new GlorotUniform(Seeds.derive(seed, "init")), Parameter.Type.WEIGHT)
          .optDevices(new Device[] {Device.cpu()});
      List<EpochSummary> epochs = new ArrayList<>();
      double previousSeconds = 0;
      BestWeights best;
      ThreadGradients.disable();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(settings.batchSize(), train.channels(), train.length()));
        best = new BestWeights(block);
        ResumableTraining state = new ResumableTraining(block, (ResumableOptimizer) optimizer, learningRate, best,
            batches);
        if (resumed != null) {
          state.restore(resumed, checkpoints.file());
          epochs.addAll(resumed.epochs());
          previousSeconds = resumed.trainingSeconds();
          listener.onResume(epochsDone, checkpoints.file());
        }
        long lastCheckpoint = System.nanoTime();
        for (int epoch = epochsDone + 1; epoch <= settings.epochs(); epoch++) {
          float rate = learningRate.learningRate();
          double[] lossAndCorrect = trainEpoch(trainer, train, batches.nextEpoch());
          double loss = lossAndCorrect[0] / train.size();
          if (!Double.isFinite(loss)) {
            throw new IllegalStateException("training diverged: loss " + loss + " at epoch " + epoch);
          }
          boolean improved = best.offer(loss, epoch);
          learningRate.onEpochEnd(loss);
          EpochSummary summary = new EpochSummary(epoch, settings.epochs(), loss,
              lossAndCorrect[1] / train.size(), rate, improved);
          epochs.add(summary);
          long now = System.nanoTime();
          if (checkpoints.due(lastCheckpoint, now, epoch == settings.epochs())) {
            TrainingCheckpointFile.write(checkpoints.file(),
                state.capture(fingerprint, epochs, previousSeconds + (now - started) / 1e9));
            lastCheckpoint = System.nanoTime();
          }
          listener.onEpochEnd(summary);
        }
      }
      best.restore();
      TrainingHistory history = new TrainingHistory(epochs, best.bestEpoch(), best.bestLoss(),
          previousSeconds + (System.nanoTime() - started) / 1e9);
      done = true;
      return new TrainedClassifier(model, history);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!done) {
        model.close();
      }
    }
  }

  /** The checkpoint at {@code file} if it was written by the training with {@code fingerprint}; else null. */
  private static TrainingCheckpoint readMatching(Path file, String fingerprint, EpochListener listener) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      TrainingCheckpoint checkpoint = TrainingCheckpointFile.read(file);
      if (!checkpoint.fingerprint().equals(fingerprint)) {
        listener.onCheckpointIgnored(file, "written by another training (settings, seed, data or network differ)");
        return null;
      }
      return checkpoint;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage() + "; delete it to train afresh", e);
    }
  }

  /** One pass over the batches; returns {summed loss × batch size, correctly classified cases}. */
  private static double[] trainEpoch(Trainer trainer, TimeSeriesDataset train, int[][] batches) {
    double lossSum = 0;
    int correct = 0;
    int k = train.classCount();
    for (int[] indices : batches) {
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDArray x = manager.create(Batches.values(train, indices),
            new Shape(indices.length, train.channels(), train.length()));
        NDArray target = manager.create(Batches.oneHot(train, indices), new Shape(indices.length, k));
        try (ThreadGradients gradients = ThreadGradients.record()) {
          NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
          NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
          gradients.backward(loss);
          lossSum += loss.getFloat() * indices.length;
          long[] predicted = logits.argMax(1).toLongArray();
          for (int b = 0; b < indices.length; b++) {
            correct += predicted[b] == train.labels()[indices[b]] ? 1 : 0;
          }
        }
        trainer.step();
      }
    }
    return new double[] {lossSum, correct};
  }

  /** Keras' optimiser settings; {@code updatesDone} continues the update count of a resumed training. */
  private static Optimizer optimizer(OptimizerKind kind, PlateauLearningRate learningRate, int updatesDone) {
    return switch (kind) {
      case ADAM -> CheckpointableAdamW.builder().learningRate(learningRate).epsilon(1e-7f).optWeightDecays(0f)
          .resumeAfter(updatesDone).build();
      case ADADELTA -> new KerasAdadelta(learningRate, 0.95f, 1e-7f, updatesDone);
    };
  }
}

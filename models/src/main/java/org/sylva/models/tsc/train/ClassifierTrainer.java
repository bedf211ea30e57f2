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
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class ClassifierTrainer {

  private ClassifierTrainer() {}

  /** Trains {@code block} on {@code train}; the returned classifier holds the best-loss weights. */
  public static TrainedClassifier fit(Block block, TimeSeriesDataset train, TrainingSettings settings, long seed,
      EpochListener listener) {
    long started = System.nanoTime();
    Model model = Model.newInstance("tsc", Device.cpu());
    boolean done = false;
    try {
      model.setBlock(block);
      PlateauLearningRate learningRate = new PlateauLearningRate(settings.learningRate(), settings.plateau());
      DefaultTrainingConfig config = new DefaultTrainingConfig(new KerasCrossEntropy())
          .optOptimizer(optimizer(settings.optimizer(), learningRate))
          .optInitializer(new GlorotUniform(Seeds.derive(seed, "init")), Parameter.Type.WEIGHT)
          .optDevices(new Device[] {Device.cpu()});
      List<EpochSummary> epochs = new ArrayList<>();
      BestWeights best;
      ThreadGradients.disable();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(settings.batchSize(), train.channels(), train.length()));
        best = new BestWeights(block);
        EpochBatches batches = new EpochBatches(train.size(), settings.batchSize(), Seeds.derive(seed, "batches"));
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
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
          listener.onEpochEnd(summary);
        }
      }
      best.restore();
      TrainingHistory history = new TrainingHistory(epochs, best.bestEpoch(), best.bestLoss(),
          (System.nanoTime() - started) / 1e9);
      done = true;
      return new TrainedClassifier(model, history);
    } finally {
      if (!done) {
        model.close();
      }
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

  private static Optimizer optimizer(OptimizerKind kind, PlateauLearningRate learningRate) {
    return switch (kind) {
      case ADAM -> Adam.builder().optLearningRateTracker(learningRate).optEpsilon(1e-7f).build();
      case ADADELTA -> new KerasAdadelta(learningRate);
    };
  }
}

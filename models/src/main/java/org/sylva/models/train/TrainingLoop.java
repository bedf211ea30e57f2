package org.sylva.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.models.progress.ProgressBar;

/**
 * Trains a {@link SupervisedTask} with {@link CheckpointableAdamW}: shuffled mini-batches, a learning-rate
 * schedule, validation after every epoch, early stopping on the task's monitored metric, and the best
 * epoch's weights restored at the end.
 *
 * <p><b>Reproducibility.</b> Every random stream is derived from {@code options.seed()} per purpose and
 * epoch ({@link Seeds}): initial weights, the epoch's shuffle and augmentation, and the engine generator
 * that draws dropout masks (reseeded at the start of each epoch). On one CPU with the same thread count,
 * the same seed and data give bit-identical weights, and a run resumed from a checkpoint gives the same
 * weights as an uninterrupted one.
 *
 * <p><b>Checkpoints.</b> With {@link #checkpoints(Path)}, weights, optimizer state (moments and update count,
 * so the schedule continues) and loop state are saved after every epoch ({@link CheckpointStore}); a later
 * run with the same directory and options continues after the last saved epoch.
 */
public final class TrainingLoop {

  /** Name of the training-loss metric, monitored when there is no validation data. */
  public static final String TRAIN_LOSS = "train_loss";

  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

  private final SupervisedTask task;
  private final TrainingOptions options;
  private final List<Consumer<EpochRecord>> listeners = new ArrayList<>();
  private CheckpointStore checkpoints;
  private String progressLabel = "train";

  public TrainingLoop(SupervisedTask task, TrainingOptions options) {
    this.task = task;
    this.options = options;
  }

  /** Saves a checkpoint after every epoch in {@code dir} and resumes from the one found there. */
  public TrainingLoop checkpoints(Path dir) {
    this.checkpoints = dir == null ? null : new CheckpointStore(dir);
    return this;
  }

  /** Called after each epoch (after its checkpoint is written). */
  public TrainingLoop onEpoch(Consumer<EpochRecord> listener) {
    listeners.add(listener);
    return this;
  }

  public TrainingLoop progressLabel(String label) {
    this.progressLabel = label;
    return this;
  }

  /** Runs the training; parameters live in {@code manager}, which must outlive the block's use. */
  public TrainingResult run(NDManager manager) throws IOException {
    long startNanos = System.nanoTime();
    Block block = task.block();
    int samples = task.trainingSize();
    if (samples < 1) {
      throw new IllegalArgumentException("no training samples");
    }
    int batches = (samples + options.batchSize() - 1) / options.batchSize();
    boolean validating = task.validationSize() > 0;
    String monitored = validating ? task.monitoredMetric() : TRAIN_LOSS;
    boolean higherIsBetter = validating && task.higherIsBetter();

    if (!block.isInitialized()) {
      // Seed and draw as one step: another training in this JVM may seed the shared generator in between.
      synchronized (Seeds.ENGINE_GENERATOR) {
        Seeds.seedEngine(options.seed(), Seeds.Purpose.INITIAL_WEIGHTS, 0);
        block.initialize(manager, DataType.FLOAT32, task.inputShape());
      }
    }
    CheckpointableAdamW.Builder optimizerConfig = CheckpointableAdamW.builder()
        .learningRate(options.scheduleFor(batches));
    optimizerConfig.optWeightDecays(options.weightDecay());

    CheckpointableAdamW optimizer;
    EarlyStopping stopping;
    List<EpochRecord> history = new ArrayList<>();
    byte[] bestWeights = null;
    String bestFile = null;
    int firstEpoch = 0;
    Optional<CheckpointStore.State> resume = checkpoints == null ? Optional.empty() : checkpoints.latest();
    if (resume.isPresent()) {
      CheckpointStore.State state = resume.get();
      if (!options.compatibleForResume(state.options())) {
        throw new IllegalArgumentException(checkpoints.dir() + ": checkpoint was written with other training options ("
            + state.options() + "); use the same options or another checkpoint directory");
      }
      checkpoints.loadWeights(block, manager, state.weights());
      optimizer = checkpoints.loadOptimizer(optimizerConfig, state.optimizer(), block, manager);
      stopping = state.earlyStopping();
      history.addAll(state.history());
      bestFile = state.bestWeights();
      bestWeights = checkpoints.read(bestFile);
      firstEpoch = state.epoch() + 1;
      LOG.info("resuming from {} after epoch {} (update {})", checkpoints.dir(), state.epoch(), optimizer.updates());
    } else {
      optimizer = optimizerConfig.build();
      stopping = EarlyStopping.start(higherIsBetter, options.patience(), options.minDelta());
    }
    attachGradients(block);
    ParameterStore parameters = new ParameterStore(manager, false);

    boolean stoppedEarly = stopping.shouldStop();
    long remaining = stoppedEarly ? 0 : (long) Math.max(0, options.epochs() - firstEpoch) * batches;
    try (ProgressBar bar = ProgressBar.start(progressLabel, remaining)) {
      for (int epoch = firstEpoch; epoch < options.epochs() && !stoppedEarly; epoch++) {
        double trainLoss = trainEpoch(epoch, batches, block, parameters, optimizer, manager, bar);
        Map<String, Double> validation = new LinkedHashMap<>();
        if (validating) {
          try (NDManager scratch = manager.newSubManager()) {
            validation.putAll(task.validate(scratch, parameters, options.batchSize()));
          }
        }
        double score = validating ? requireMetric(validation, monitored) : trainLoss;
        EpochRecord record = new EpochRecord(epoch, trainLoss, optimizer.learningRateOf(optimizer.updates()), validation);
        history.add(record);
        stopping = stopping.record(epoch, score);
        byte[] newBest = null;
        if (stopping.improvedLast()) {
          bestWeights = CheckpointStore.serialise(block);
          newBest = bestWeights;
        }
        stoppedEarly = stopping.shouldStop();
        if (checkpoints != null) {
          bestFile = checkpoints.save(epoch, block, optimizer, options, stopping, history, newBest, bestFile).bestWeights();
        }
        bar.status(summary(record, monitored, score));
        LOG.info("epoch {}/{}: {}{}", epoch + 1, options.epochs(), summary(record, monitored, score),
            stoppedEarly ? " (early stop: no improvement for " + stopping.epochsSinceBest() + " epochs)" : "");
        for (Consumer<EpochRecord> listener : listeners) {
          listener.accept(record);
        }
      }
    }
    if (bestWeights != null) {
      CheckpointStore.load(block, manager, bestWeights, "best epoch weights");
    }
    int bestEpoch = stopping.bestEpoch();
    Map<String, Double> bestMetrics = bestEpoch >= 0 ? history.get(bestEpoch).validation() : Map.of();
    return new TrainingResult(history, bestEpoch, bestMetrics, stoppedEarly && history.size() < options.epochs(),
        firstEpoch - 1, (System.nanoTime() - startNanos) / 1e9);
  }

  private double trainEpoch(int epoch, int batches, Block block, ParameterStore parameters,
      CheckpointableAdamW optimizer, NDManager manager, ProgressBar bar) {
    Random rng = new Random(Seeds.derive(options.seed(), Seeds.Purpose.SHUFFLE_AND_AUGMENT, epoch));
    int[] order = permutation(task.trainingSize(), rng);
    Seeds.seedEngine(options.seed(), Seeds.Purpose.DROPOUT, epoch);
    double lossSum = 0;
    for (int b = 0; b < batches; b++) {
      int[] indices = Arrays.copyOfRange(order, b * options.batchSize(), Math.min(order.length, (b + 1) * options.batchSize()));
      float loss;
      try (NDManager scratch = manager.newSubManager();
          SupervisedTask.Batch batch = task.trainingBatch(scratch, indices, rng, options.augment())) {
        loss = step(block, parameters, task.loss(), batch, optimizer);
      }
      if (!Float.isFinite(loss)) {
        throw new TrainingDivergedException(loss, epoch + 1, b + 1);
      }
      lossSum += loss;
      bar.step(1, String.format(Locale.ROOT, "epoch %d/%d loss %.4g", epoch + 1, options.epochs(), lossSum / (b + 1)));
    }
    return lossSum / batches;
  }

  /**
   * One optimizer update: forward pass in training mode, loss, backward pass, then {@code optimizer} on every
   * trainable parameter (gradients must be attached, see {@link #attachGradients}). Returns the batch loss.
   */
  public static float step(Block block, ParameterStore parameters, Loss loss, SupervisedTask.Batch batch,
      Optimizer optimizer) {
    float value;
    try (GradientCollector collector = ThreadGradients.open()) {
      NDList predictions = block.forward(parameters, batch.inputs(), true);
      NDArray lossArray = loss.evaluate(batch.labels(), predictions);
      collector.backward(lossArray);
      value = lossArray.getFloat();
    }
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      if (parameter.requiresGradient()) {
        NDArray weight = parameter.getArray();
        try (NDArray gradient = weight.getGradient()) {
          optimizer.update(parameter.getId(), weight, gradient);
        }
      }
    }
    return value;
  }

  /** Makes the engine record gradients for every trainable parameter of an initialised block. */
  public static void attachGradients(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
    }
  }

  private static int[] permutation(int n, Random rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private double requireMetric(Map<String, Double> metrics, String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalStateException("validation reported " + metrics.keySet() + " but not the monitored metric " + name);
    }
    return value;
  }

  private static String summary(EpochRecord record, String monitored, double score) {
    return String.format(Locale.ROOT, "loss %.4g %s %.4g lr %.3g", record.trainLoss(), monitored, score, record.learningRate());
  }
}

package org.sylva.models.tsc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sylva.models.io.Sha256;
import org.sylva.models.train.ResumableOptimizer;
import org.sylva.models.tsc.data.TimeSeriesDataset;
import org.sylva.models.tsc.nn.SeededDropout;

/**
 * The mutable state of one training, gathered so it can be captured into a {@link TrainingCheckpoint} and put
 * back: the block's parameters, the optimiser, the learning-rate schedule, the kept best weights and the
 * random generators of batch order and dropout.
 */
final class ResumableTraining {

  private final List<Pair<String, Parameter>> parameters;
  private final ResumableOptimizer optimizer;
  private final PlateauLearningRate learningRate;
  private final BestWeights best;
  private final EpochBatches batches;
  private final List<SeededDropout> dropouts = new ArrayList<>();

  ResumableTraining(Block block, ResumableOptimizer optimizer, PlateauLearningRate learningRate, BestWeights best,
      EpochBatches batches) {
    this.parameters = block.getParameters().stream().toList();
    this.optimizer = optimizer;
    this.learningRate = learningRate;
    this.best = best;
    this.batches = batches;
    collectDropouts(block, dropouts);
  }

  TrainingCheckpoint capture(String fingerprint, List<EpochSummary> epochs, double trainingSeconds) {
    List<float[]> values = new ArrayList<>();
    List<Map<String, float[]>> slots = new ArrayList<>();
    for (Pair<String, Parameter> p : parameters) {
      values.add(p.getValue().getArray().toFloatArray());
      slots.add(optimizer.slots(p.getValue().getId()));
    }
    List<byte[]> dropoutStates = dropouts.stream().map(SeededDropout::randomState).toList();
    return new TrainingCheckpoint(fingerprint, epochs.size(), values, slots, learningRate.state(), best.state(),
        batches.randomState(), dropoutStates, epochs, trainingSeconds);
  }

  /** Puts {@code checkpoint} (read from {@code file}) into the training; fails if it does not fit the network. */
  void restore(TrainingCheckpoint checkpoint, Path file) throws IOException {
    if (checkpoint.parameters().size() != parameters.size() || checkpoint.dropoutRandoms().size() != dropouts.size()) {
      throw new IOException(file + ": checkpoint has " + checkpoint.parameters().size() + " parameters and "
          + checkpoint.dropoutRandoms().size() + " dropout layers, the network " + parameters.size() + " and "
          + dropouts.size() + "; delete it to train afresh");
    }
    for (int i = 0; i < parameters.size(); i++) {
      NDArray array = parameters.get(i).getValue().getArray();
      if (checkpoint.parameters().get(i).length != array.size()) {
        throw new IOException(file + ": parameter " + parameters.get(i).getKey() + " has "
            + checkpoint.parameters().get(i).length + " values in the checkpoint, " + array.size()
            + " in the network; delete it to train afresh");
      }
    }
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i).getValue();
      p.getArray().set(checkpoint.parameters().get(i));
      optimizer.restoreSlots(p.getId(), p.getArray(), checkpoint.optimizerSlots().get(i));
    }
    learningRate.resumeFrom(checkpoint.learningRate());
    best.resumeFrom(checkpoint.best());
    batches.restoreRandomState(checkpoint.batchesRandom());
    for (int i = 0; i < dropouts.size(); i++) {
      dropouts.get(i).restoreRandomState(checkpoint.dropoutRandoms().get(i));
    }
  }

  /**
   * What makes two trainings the same one: settings, seed, every training value and label, and the network's
   * parameter names. A checkpoint whose fingerprint differs belongs to another training and is not resumed.
   */
  static String fingerprint(Block block, TimeSeriesDataset train, TrainingSettings settings, long seed) {
    StringBuilder what = new StringBuilder("sylva-tsc-training/1\n").append(settings).append("\nseed ").append(seed)
        .append("\ndata ").append(train.contentDigest());
    for (Pair<String, Parameter> p : block.getParameters()) {
      what.append("\nparameter ").append(p.getKey());
    }
    return Sha256.hex(what.toString());
  }

  private static void collectDropouts(Block block, List<SeededDropout> into) {
    if (block instanceof SeededDropout dropout) {
      into.add(dropout);
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collectDropouts(child.getValue(), into);
    }
  }
}

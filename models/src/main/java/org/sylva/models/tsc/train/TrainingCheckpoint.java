package org.sylva.models.tsc.train;

import java.util.List;
import java.util.Map;

/**
 * Everything a training needs to continue after {@code epochsDone} epochs exactly as if it had never stopped:
 * the network's parameters (weights and batch-norm running statistics), the optimiser's per-parameter state,
 * the learning-rate schedule, the best epoch's weights, the state of every random generator still to be drawn
 * from (batch order, dropout masks) and the epochs' summaries. Lists follow the block's parameter order.
 *
 * @param fingerprint what the training was (settings, seed, data, network); a checkpoint is only resumed by
 *     the same training
 * @param epochsDone epochs completed
 * @param parameters values of every parameter
 * @param optimizerSlots the optimiser's state arrays of every parameter (empty for parameters it never updates)
 * @param learningRate the reduce-on-plateau schedule
 * @param best the kept lowest-loss weights
 * @param batchesRandom state of the batch shuffler
 * @param dropoutRandoms state of each seeded dropout layer, in block order
 * @param epochs summaries of the completed epochs
 * @param trainingSeconds training wall time spent so far, over all attempts
 */
public record TrainingCheckpoint(String fingerprint, int epochsDone, List<float[]> parameters,
    List<Map<String, float[]>> optimizerSlots, PlateauLearningRate.State learningRate, BestWeights.State best,
    byte[] batchesRandom, List<byte[]> dropoutRandoms, List<EpochSummary> epochs, double trainingSeconds) {

  public TrainingCheckpoint {
    parameters = List.copyOf(parameters);
    optimizerSlots = List.copyOf(optimizerSlots);
    dropoutRandoms = List.copyOf(dropoutRandoms);
    epochs = List.copyOf(epochs);
    if (parameters.size() != optimizerSlots.size()) {
      throw new IllegalArgumentException(parameters.size() + " parameters but optimiser state for " + optimizerSlots.size());
    }
    if (epochs.size() != epochsDone) {
      throw new IllegalArgumentException(epochsDone + " epochs done but " + epochs.size() + " epoch summaries");
    }
  }
}

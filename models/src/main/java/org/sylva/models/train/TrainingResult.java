package org.sylva.models.train;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a {@link TrainingLoop} run. The block holds the weights of {@code bestEpoch} afterwards.
 *
 * @param history one record per epoch, including epochs of a run this one resumed
 * @param bestEpoch epoch whose weights were kept
 * @param bestMetrics validation metrics of {@code bestEpoch}
 * @param stoppedEarly whether early stopping ended the run before {@code options.epochs()}
 * @param resumedFromEpoch last epoch restored from a checkpoint, or -1 for a fresh run
 * @param seconds wall-clock seconds of this run (not of resumed epochs)
 */
public record TrainingResult(List<EpochRecord> history, int bestEpoch, Map<String, Double> bestMetrics,
    boolean stoppedEarly, int resumedFromEpoch, double seconds) {

  public TrainingResult {
    history = List.copyOf(history);
    bestMetrics = Map.copyOf(bestMetrics);
  }

  public int epochsRun() {
    return history.size();
  }
}

package org.sylva.models.tsc.train;

import java.util.List;

/**
 * The epochs of one training run and the epoch whose weights were kept.
 *
 * @param epochs one summary per epoch, in order
 * @param bestEpoch 1-based epoch with the lowest training loss
 * @param bestLoss that loss
 * @param seconds wall-clock training time
 */
public record TrainingHistory(List<EpochSummary> epochs, int bestEpoch, double bestLoss, double seconds) {

  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }
}

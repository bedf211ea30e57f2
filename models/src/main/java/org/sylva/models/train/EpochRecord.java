package org.sylva.models.train;

import java.util.Map;

/**
 * What happened in one epoch: mean training loss over its batches, the learning rate of its last update
 * and the validation metrics.
 *
 * @param epoch epoch number from 0
 * @param trainLoss mean of the batch losses
 * @param learningRate learning rate of the epoch's last update
 * @param validation validation metrics (empty without validation data)
 */
public record EpochRecord(int epoch, double trainLoss, double learningRate, Map<String, Double> validation) {

  public EpochRecord {
    validation = Map.copyOf(validation);
  }
}

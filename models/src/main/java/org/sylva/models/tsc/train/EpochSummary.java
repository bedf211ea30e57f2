package org.sylva.models.tsc.train;

/**
 * What one epoch of training did.
 *
 * @param epoch 1-based epoch number
 * @param epochs epochs planned
 * @param loss mean cross-entropy over the epoch's batches, weighted by batch size (Keras' {@code loss})
 * @param accuracy fraction of training cases classified right during the epoch (Keras' {@code acc})
 * @param learningRate the rate the epoch trained with
 * @param best whether the epoch's loss is the lowest so far (its weights are the ones kept)
 */
public record EpochSummary(int epoch, int epochs, double loss, double accuracy, double learningRate, boolean best) {}

package org.sylva.models.tsc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Keras 2.2's {@code categorical_crossentropy} on softmax outputs, which the reference code trained with,
 * as a DJL {@link Loss} on logits and one-hot labels: the probabilities are clipped to [ε, 1 − ε] with
 * Keras' ε = 1e-7 before the logarithm, so a case predicted with near-certainty (right or wrong) adds at most
 * 16.1 to the loss and no gradient. Mean over the batch.
 */
public final class KerasCrossEntropy extends Loss {

  /** Keras' {@code K.epsilon()}. */
  static final float EPSILON = 1e-7f;

  public KerasCrossEntropy() {
    super("KerasCategoricalCrossEntropy");
  }

  /** {@code labels}: one-hot {@code (batch, classes)}; {@code predictions}: logits of the same shape. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray oneHot = labels.singletonOrThrow();
    NDArray logits = predictions.singletonOrThrow();
    return logits.softmax(1).clip(EPSILON, 1 - EPSILON).log().mul(oneHot).sum(new int[] {1}).mean().neg();
  }
}

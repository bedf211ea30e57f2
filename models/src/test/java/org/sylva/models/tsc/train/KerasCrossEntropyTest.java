package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class KerasCrossEntropyTest {

  @Test
  void clipsProbabilitiesLikeKerasAndPassesNoGradientThroughClippedCases() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // case 1: uniform logits over 3 classes; case 2: the true class has probability ~2e-9, clipped to 1e-7
      NDArray logits = manager.create(new float[] {0, 0, 0, 10, -10, 0}, new Shape(2, 3));
      logits.setRequiresGradient(true);
      NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(2, 3));
      ThreadGradients.disable();
      float loss;
      try (ThreadGradients gradients = ThreadGradients.record()) {
        NDArray value = new KerasCrossEntropy().evaluate(new NDList(oneHot), new NDList(logits));
        gradients.backward(value);
        loss = value.getFloat();
      }
      assertThat((double) loss).isCloseTo((Math.log(3) - Math.log(1e-7)) / 2, within(1e-4));
      float[] gradient = logits.getGradient().toFloatArray();
      // unclipped case: d(-log softmax_0)/d logits / 2 = (p - onehot) / 2 = (1/3 - 1, 1/3, 1/3) / 2
      assertThat((double) gradient[0]).isCloseTo(-1.0 / 3, within(1e-6));
      assertThat((double) gradient[1]).isCloseTo(1.0 / 6, within(1e-6));
      // clipped case: no gradient at all
      for (int i = 3; i < 6; i++) {
        assertThat(Math.abs(gradient[i])).isZero();
      }
    }
  }
}

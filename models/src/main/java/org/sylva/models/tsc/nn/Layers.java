package org.sylva.models.tsc.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** The layers the reference Keras networks are made of, with Keras' defaults where DJL's differ. */
final class Layers {

  private Layers() {}

  /**
   * Keras {@code BatchNormalization()}: moving averages with momentum 0.99 and epsilon 1e-3 (DJL's
   * defaults are 0.9 and 1e-5), normalising the channel axis of {@code (batch, channels, time)}.
   */
  static Block batchNorm() {
    return BatchNorm.builder().optMomentum(0.99f).optEpsilon(1e-3f).build();
  }

  /** Conv1D('same') → BatchNormalization → ReLU, the unit of FCN and ResNet. */
  static SequentialBlock convBnRelu(int filters, int kernel) {
    return new SequentialBlock().add(SameConv1d.of(filters, kernel)).add(batchNorm()).add(Activation.reluBlock());
  }

  /** {@code relu(main(x) + shortcut(x))}, the residual connection of ResNet and InceptionTime. */
  static Block residual(Block main, Block shortcut) {
    return new ParallelBlock(
        outputs -> new NDList(Activation.relu(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow()))),
        List.of(main, shortcut));
  }

  /** GlobalAveragePooling1D → Dense(classes). The network emits logits; the loss applies the softmax. */
  static SequentialBlock gapClassifier(int classes) {
    return new SequentialBlock().add(Pool.globalAvgPool1dBlock()).add(Linear.builder().setUnits(classes).build());
  }

  static void requireClasses(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
    }
  }
}

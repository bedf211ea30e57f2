package org.sylva.models.tsc.nn;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * Fully convolutional network (Wang, Yan & Oates 2017; dl-4-tsc {@code fcn.py}): three Conv1D('same') →
 * BatchNorm → ReLU blocks of 128/8, 256/5 and 128/3 (filters/kernel), global average pooling and a dense
 * softmax layer (logits here). Input {@code (batch, channels, time)}.
 */
public final class Fcn {

  private Fcn() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the network; filters and kernels default to the paper's. */
  public static final class Builder {
    private int classes;
    private int[] filters = {128, 256, 128};
    private int[] kernels = {8, 5, 3};

    public Builder classes(int classes) {
      this.classes = classes;
      return this;
    }

    /** Filters of the three convolutions (128, 256, 128 in the paper). */
    public Builder filters(int first, int second, int third) {
      this.filters = new int[] {first, second, third};
      return this;
    }

    /** Kernel sizes of the three convolutions (8, 5, 3 in the paper). */
    public Builder kernels(int first, int second, int third) {
      this.kernels = new int[] {first, second, third};
      return this;
    }

    public Block build() {
      Layers.requireClasses(classes);
      SequentialBlock net = new SequentialBlock();
      for (int i = 0; i < 3; i++) {
        net.add(Layers.convBnRelu(filters[i], kernels[i]));
      }
      return net.add(Layers.gapClassifier(classes));
    }
  }
}

package org.sylva.models.tsc.nn;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * Residual network for time series (Wang, Yan & Oates 2017; dl-4-tsc {@code resnet.py}): three residual
 * blocks of 64, 128 and 128 filters, each Conv(8) → BN → ReLU → Conv(5) → BN → ReLU → Conv(3) → BN added
 * to a shortcut and passed through ReLU. The shortcut is a 1×1 convolution + BN where the channel count
 * changes (blocks 1 and 2) and BN alone where it does not (block 3), as in the reference code. Global
 * average pooling and a dense softmax layer (logits here) follow.
 */
public final class ResidualNetwork {

  private ResidualNetwork() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the network; widths and kernels default to the paper's. */
  public static final class Builder {
    private int classes;
    private int inputChannels = 1;
    private int[] widths = {64, 128, 128};
    private int[] kernels = {8, 5, 3};

    public Builder classes(int classes) {
      this.classes = classes;
      return this;
    }

    /** Channels of the input series; decides whether block 1 needs a projection shortcut. */
    public Builder inputChannels(int inputChannels) {
      this.inputChannels = inputChannels;
      return this;
    }

    /** Filters of each residual block (64, 128, 128 in the paper). */
    public Builder widths(int... widths) {
      this.widths = widths.clone();
      return this;
    }

    public Block build() {
      Layers.requireClasses(classes);
      SequentialBlock net = new SequentialBlock();
      int channels = inputChannels;
      for (int width : widths) {
        SequentialBlock main = new SequentialBlock()
            .add(Layers.convBnRelu(width, kernels[0]))
            .add(Layers.convBnRelu(width, kernels[1]))
            .add(SameConv1d.of(width, kernels[2]))
            .add(Layers.batchNorm());
        Block shortcut = channels == width
            ? Layers.batchNorm()
            : new SequentialBlock().add(SameConv1d.of(width, 1)).add(Layers.batchNorm());
        net.add(Layers.residual(main, shortcut));
        channels = width;
      }
      return net.add(Layers.gapClassifier(classes));
    }
  }
}

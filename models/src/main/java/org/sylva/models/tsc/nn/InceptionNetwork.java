package org.sylva.models.tsc.nn;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * One Inception network of InceptionTime (Ismail Fawaz et al. 2020; {@code hfawaz/InceptionTime}
 * {@code classifiers/inception.py}). Each Inception module: a 1×1 bottleneck convolution (32 filters,
 * skipped when the input has one channel, as in the reference) feeding three convolutions of kernel
 * 40, 20 and 10 (the reference's {@code kernel_size=41}, minus one, halved twice) with 32 filters each,
 * beside a MaxPool(3, stride 1, 'same') → 1×1 convolution branch; the four outputs (128 channels) are
 * concatenated, batch-normalised and passed through ReLU. Convolutions have no bias. Depth 6 with a
 * residual connection (1×1 convolution + BN shortcut, add, ReLU) every third module, then global average
 * pooling and a dense softmax layer (logits here). InceptionTime is an ensemble of five such networks.
 */
public final class InceptionNetwork {

  private InceptionNetwork() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the network; defaults are the paper's. */
  public static final class Builder {
    private int classes;
    private int inputChannels = 1;
    private int depth = 6;
    private int filters = 32;
    private int bottleneck = 32;
    private int longestKernel = 40;
    private boolean residual = true;

    public Builder classes(int classes) {
      this.classes = classes;
      return this;
    }

    public Builder inputChannels(int inputChannels) {
      this.inputChannels = inputChannels;
      return this;
    }

    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    /** Filters per branch (32); a module outputs four times this many channels. */
    public Builder filters(int filters) {
      this.filters = filters;
      return this;
    }

    /**
     * The longest kernel (40 as in the reference Keras code); the others are its half and quarter. PyTorch
     * ports (tsai, aeon) use odd kernels 39/19/9 instead: pass 39.
     */
    public Builder longestKernel(int longestKernel) {
      this.longestKernel = longestKernel;
      return this;
    }

    public Builder residual(boolean residual) {
      this.residual = residual;
      return this;
    }

    /** The three convolution kernels of a module, e.g. 40, 20, 10. */
    public int[] kernels() {
      return new int[] {longestKernel, longestKernel / 2, longestKernel / 4};
    }

    public Block build() {
      Layers.requireClasses(classes);
      SequentialBlock net = new SequentialBlock();
      int channels = inputChannels;
      SequentialBlock stage = new SequentialBlock();
      for (int d = 0; d < depth; d++) {
        stage.add(module(channels));
        channels = 4 * filters;
        if (residual && d % 3 == 2) {
          Block shortcut = new SequentialBlock().add(SameConv1d.withoutBias(channels, 1)).add(Layers.batchNorm());
          net.add(Layers.residual(stage, shortcut));
          stage = new SequentialBlock();
        }
      }
      if (!stage.getChildren().isEmpty()) {
        net.add(stage);
      }
      return net.add(Layers.gapClassifier(classes));
    }

    private Block module(int inChannels) {
      List<Block> convolutions = new ArrayList<>();
      for (int k : kernels()) {
        convolutions.add(SameConv1d.withoutBias(filters, k));
      }
      SequentialBlock wide = new SequentialBlock();
      if (inChannels > 1) {
        wide.add(SameConv1d.withoutBias(bottleneck, 1));
      }
      wide.add(new ParallelBlock(Builder::concatChannels, convolutions));
      Block pooled = new SequentialBlock()
          .add(Pool.maxPool1dBlock(new Shape(3), new Shape(1), new Shape(1)))
          .add(SameConv1d.withoutBias(filters, 1));
      return new SequentialBlock()
          .add(new ParallelBlock(Builder::concatChannels, List.of(wide, pooled)))
          .add(Layers.batchNorm())
          .add(Activation.reluBlock());
    }

    private static NDList concatChannels(List<NDList> outputs) {
      NDList arrays = new NDList();
      for (NDList out : outputs) {
        arrays.add(out.singletonOrThrow());
      }
      return new NDList(arrays.size() == 1 ? arrays.get(0) : NDArrays.concat(arrays, 1));
    }
  }
}

package org.sylva.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Squeeze-and-excitation channel attention (Hu et al., 2018): the input {@code (N, C, ...)} is averaged over
 * its spatial axes, passed through {@code C → C/r → C} fully connected layers (ReLU, then sigmoid) and the
 * resulting per-channel gates in (0, 1) rescale the input. Works for any number of spatial axes (1-D series,
 * 2-D images); output shape equals input shape.
 */
public final class SqueezeExcitation extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int channels;
  private final int hidden;
  private final Linear squeeze;
  private final Linear excite;

  private SqueezeExcitation(Builder builder) {
    super(VERSION);
    this.channels = builder.channels;
    this.hidden = Math.max(builder.minHidden, channels / builder.reduction);
    this.squeeze = addChildBlock("squeeze", Linear.builder().setUnits(hidden).build());
    this.excite = addChildBlock("excite", Linear.builder().setUnits(channels).build());
  }

  public static Builder builder() {
    return new Builder();
  }

  public int channels() {
    return channels;
  }

  /** Width of the bottleneck layer: {@code max(minHidden, channels / reduction)}. */
  public int hidden() {
    return hidden;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    // Mean over all spatial axes at once (PyTorch's engine reduces one axis per call).
    NDArray flat = x.reshape(x.getShape().get(0), channels, -1);
    NDArray pooled = flat.mean(new int[] {2});
    NDArray s = squeeze.forward(ps, new NDList(pooled), training, params).singletonOrThrow();
    NDArray r = Activation.relu(s);
    NDArray e = excite.forward(ps, new NDList(r), training, params).singletonOrThrow();
    NDArray gates = Activation.sigmoid(e);
    long[] gateShape = new long[x.getShape().dimension()];
    java.util.Arrays.fill(gateShape, 1);
    gateShape[0] = -1;
    gateShape[1] = channels;
    NDArray out = x.mul(gates.reshape(gateShape));
    if (!training) {
      // Inference frees the small intermediates at once; training keeps them for the gradient tape.
      new NDList(flat, pooled, s, r, e, gates).close();
    }
    return new NDList(out);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    if (in.get(1) != channels) {
      throw new IllegalArgumentException("squeeze-excitation built for " + channels + " channels, input has " + in.get(1));
    }
    squeeze.initialize(manager, dataType, new Shape(in.get(0), channels));
    excite.initialize(manager, dataType, new Shape(in.get(0), hidden));
  }

  /** Builds a {@link SqueezeExcitation} block. */
  public static final class Builder {
    private int channels;
    private int reduction = 8;
    private int minHidden = 4;

    private Builder() {}

    /** Number of input (and output) channels; required. */
    public Builder channels(int channels) {
      this.channels = channels;
      return this;
    }

    /** Reduction ratio r of the bottleneck (default 8). */
    public Builder reduction(int reduction) {
      this.reduction = reduction;
      return this;
    }

    /** Lower bound on the bottleneck width, so narrow layers keep some capacity (default 4). */
    public Builder minHidden(int minHidden) {
      this.minHidden = minHidden;
      return this;
    }

    public SqueezeExcitation build() {
      if (channels < 1) {
        throw new IllegalArgumentException("squeeze-excitation needs channels >= 1, got " + channels);
      }
      if (reduction < 1 || minHidden < 1) {
        throw new IllegalArgumentException("reduction and minHidden must be >= 1, got " + reduction + ", " + minHidden);
      }
      return new SqueezeExcitation(this);
    }
  }
}

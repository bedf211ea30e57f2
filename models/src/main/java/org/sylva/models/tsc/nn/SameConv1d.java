package org.sylva.models.tsc.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1-D convolution with Keras' {@code padding='same'}: the output has the input's length, and the
 * {@code k - 1} zeros of padding are split as TensorFlow does, {@code (k - 1) / 2} on the left and the rest
 * on the right. For an even kernel (FCN's 8, InceptionTime's 40/20/10) that is one more zero on the right;
 * PyTorch's symmetric padding cannot express it, so the input is padded explicitly before an unpadded
 * convolution. Input and output are {@code (batch, channels, time)}.
 */
public final class SameConv1d extends AbstractBlock {

  private final int filters;
  private final int kernel;
  private final int padLeft;
  private final int padRight;
  private final Conv1d conv;

  private SameConv1d(int filters, int kernel, boolean bias) {
    if (filters < 1 || kernel < 1) {
      throw new IllegalArgumentException("filters and kernel must be positive, got " + filters + ", " + kernel);
    }
    this.filters = filters;
    this.kernel = kernel;
    this.padLeft = (kernel - 1) / 2;
    this.padRight = kernel - 1 - padLeft;
    this.conv = addChildBlock("conv", Conv1d.builder()
        .setKernelShape(new Shape(kernel))
        .setFilters(filters)
        .optBias(bias)
        .build());
  }

  /** A convolution with bias, like Keras' {@code Conv1D} default. */
  public static SameConv1d of(int filters, int kernel) {
    return new SameConv1d(filters, kernel, true);
  }

  /** A convolution without bias (InceptionTime's {@code use_bias=False}). */
  public static SameConv1d withoutBias(int filters, int kernel) {
    return new SameConv1d(filters, kernel, false);
  }

  public int kernel() {
    return kernel;
  }

  /** Zeros added before the first sample. */
  public int padLeft() {
    return padLeft;
  }

  /** Zeros added after the last sample. */
  public int padRight() {
    return padRight;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList padded = kernel == 1 ? inputs : new NDList(inputs.singletonOrThrow().pad(new Shape(padLeft, padRight), 0));
    return conv.forward(store, padded, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), filters, in.get(2))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    conv.initialize(manager, dataType, new Shape(in.get(0), in.get(1), in.get(2) + kernel - 1));
  }
}

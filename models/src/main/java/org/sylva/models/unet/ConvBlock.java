package org.sylva.models.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sylva.models.nn.SqueezeExcitation;

/**
 * One U-Net level: two (3×3 convolution, optional batch norm, ReLU) layers with same-size padding, then an
 * optional squeeze-and-excitation gate. Intermediate arrays are released as soon as they are consumed so
 * that inference on large tiles keeps a small memory footprint.
 */
final class ConvBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int filters;
  private final Conv2d conv1;
  private final Conv2d conv2;
  private final BatchNorm norm1;
  private final BatchNorm norm2;
  private final SqueezeExcitation gate;

  ConvBlock(int filters, boolean batchNorm, boolean squeezeExcitation, int seReduction) {
    super(VERSION);
    this.filters = filters;
    conv1 = addChildBlock("conv1", conv3x3(filters, !batchNorm));
    norm1 = batchNorm ? addChildBlock("norm1", BatchNorm.builder().build()) : null;
    conv2 = addChildBlock("conv2", conv3x3(filters, !batchNorm));
    norm2 = batchNorm ? addChildBlock("norm2", BatchNorm.builder().build()) : null;
    gate = squeezeExcitation
        ? addChildBlock("se", SqueezeExcitation.builder().channels(filters).reduction(seReduction).build())
        : null;
  }

  private static Conv2d conv3x3(int filters, boolean bias) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).optBias(bias).build();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    NDArray x = layer(ps, input, conv1, norm1, training, params);
    NDArray y = layer(ps, x, conv2, norm2, training, params);
    x.close();
    if (gate != null) {
      NDArray gated = gate.forward(ps, new NDList(y), training, params).singletonOrThrow();
      y.close();
      y = gated;
    }
    return new NDList(y);
  }

  private static NDArray layer(ParameterStore ps, NDArray x, Conv2d conv, BatchNorm norm, boolean training,
      PairList<String, Object> params) {
    NDArray y = conv.forward(ps, new NDList(x), training, params).singletonOrThrow();
    if (norm != null) {
      NDArray normed = norm.forward(ps, new NDList(y), training, params).singletonOrThrow();
      y.close();
      y = normed;
    }
    NDArray activated = Activation.relu(y);
    y.close();
    return activated;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), filters, in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    Shape out = getOutputShapes(inputShapes)[0];
    conv1.initialize(manager, dataType, in);
    if (norm1 != null) {
      norm1.initialize(manager, dataType, out);
    }
    conv2.initialize(manager, dataType, out);
    if (norm2 != null) {
      norm2.initialize(manager, dataType, out);
    }
    if (gate != null) {
      gate.initialize(manager, dataType, out);
    }
  }
}

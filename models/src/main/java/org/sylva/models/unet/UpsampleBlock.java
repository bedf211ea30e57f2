package org.sylva.models.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Doubles height and width and sets the channel count to {@code filters}; see {@link Upsampling}. */
final class UpsampleBlock extends AbstractBlock {

  private static final byte VERSION = 1;
  /** DJL's interpolation mode code for bilinear. */
  private static final int BILINEAR_MODE = 1;

  private final int filters;
  private final Upsampling mode;
  private final Conv2d projection;

  UpsampleBlock(int filters, Upsampling mode) {
    super(VERSION);
    this.filters = filters;
    this.mode = mode;
    int projected = mode == Upsampling.TRANSPOSED ? 4 * filters : filters;
    projection = addChildBlock("project",
        Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(projected).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = projection.forward(ps, inputs, training, params).singletonOrThrow();
    Shape s = x.getShape();
    long n = s.get(0);
    long h = s.get(2);
    long w = s.get(3);
    NDArray up;
    if (mode == Upsampling.BILINEAR) {
      up = x.getNDArrayInternal().interpolation(new long[] {2 * h, 2 * w}, BILINEAR_MODE, false);
    } else {
      // Pixel shuffle: channel c·4 + i·2 + j goes to output (c, 2y + i, 2x + j), as torch.pixel_shuffle.
      up = x.reshape(n, filters, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, filters, 2 * h, 2 * w);
    }
    x.close();
    return new NDList(up);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), filters, 2 * in.get(2), 2 * in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    projection.initialize(manager, dataType, inputShapes);
  }
}

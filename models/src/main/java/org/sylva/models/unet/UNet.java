package org.sylva.models.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.sylva.models.nn.MonteCarloDropout;
import org.sylva.models.nn.Scalars;

/**
 * U-Net (Ronneberger et al., 2015) for dense regression of one non-negative quantity per pixel, such as
 * canopy height in metres from stacked Sentinel-1/2 bands.
 *
 * <p>Input {@code (N, C, H, W)} float32, output {@code (N, 1, H, W)} float32 ≥ 0. Encoder level {@code l}
 * is a {@link ConvBlock} of {@code baseWidth·2^l} channels followed by 2×2 max pooling; the bottleneck has
 * {@code baseWidth·2^depth} channels; each decoder level up-samples ({@link Upsampling}), concatenates the
 * encoder features of the same level and applies a {@link ConvBlock}. Dropout ({@link MonteCarloDropout})
 * follows the bottleneck and each decoder level.
 *
 * <p>The head is a 1×1 convolution followed by softplus and a fixed scale: softplus rather than ReLU
 * because a ReLU output is exactly 0 with zero gradient for every pixel whose pre-activation is negative,
 * and with sparse targets such "dead" pixels may never recover; softplus is smooth, strictly positive and
 * reaches bare ground (≈ 0 m) asymptotically.
 *
 * <p>Any H and W are accepted: the input is zero-padded at the bottom and right to a multiple of
 * {@code 2^depth} (after normalisation, zero is the band mean) and the output cropped back, so pixels near
 * the bottom/right edge of such inputs see a little padding. Weights are He-normal initialised.
 */
public final class UNet extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final Shape POOL = new Shape(2, 2);

  private final UNetConfig config;
  private final List<ConvBlock> encoders = new ArrayList<>();
  private final ConvBlock bottleneck;
  private final List<UpsampleBlock> upsamplers = new ArrayList<>();
  private final List<ConvBlock> decoders = new ArrayList<>();
  private final List<MonteCarloDropout> dropouts = new ArrayList<>();
  private final Conv2d head;

  private UNet(UNetConfig config) {
    super(VERSION);
    this.config = config;
    int depth = config.depth();
    for (int level = 0; level < depth; level++) {
      encoders.add(addChildBlock("enc" + level, convBlock(config.width(level))));
    }
    bottleneck = addChildBlock("bottleneck", convBlock(config.width(depth)));
    dropouts.add(addChildBlock("drop" + depth, new MonteCarloDropout(config.dropout())));
    for (int level = depth - 1; level >= 0; level--) {
      upsamplers.add(addChildBlock("up" + level, new UpsampleBlock(config.width(level), config.upsampling())));
      decoders.add(addChildBlock("dec" + level, convBlock(config.width(level))));
      dropouts.add(addChildBlock("drop" + level, new MonteCarloDropout(config.dropout())));
    }
    head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
        Parameter.Type.WEIGHT);
  }

  private ConvBlock convBlock(int filters) {
    return new ConvBlock(filters, config.batchNorm(), config.squeezeExcitation(), config.seReduction());
  }

  public static Builder builder() {
    return new Builder();
  }

  public UNetConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    Shape shape = input.getShape();
    if (shape.dimension() != 4 || shape.get(1) != config.inputChannels()) {
      throw new IllegalArgumentException("U-Net expects (N, " + config.inputChannels() + ", H, W) input, got " + shape);
    }
    long height = shape.get(2);
    long width = shape.get(3);
    long padBottom = padding(height);
    long padRight = padding(width);
    NDArray x = padBottom + padRight > 0 ? input.pad(new Shape(0, padRight, 0, padBottom), 0) : input;

    List<NDArray> skips = new ArrayList<>();
    for (ConvBlock encoder : encoders) {
      NDArray features = encoder.forward(ps, new NDList(x), training, params).singletonOrThrow();
      release(x, input);
      skips.add(features);
      x = Pool.maxPool2d(features, POOL, POOL, new Shape(0, 0), false);
    }
    NDArray bottom = bottleneck.forward(ps, new NDList(x), training, params).singletonOrThrow();
    x.close();
    x = dropout(0, bottom, ps, training, params);
    for (int i = 0; i < decoders.size(); i++) {
      NDArray up = upsamplers.get(i).forward(ps, new NDList(x), training, params).singletonOrThrow();
      x.close();
      NDArray skip = skips.get(skips.size() - 1 - i);
      NDArray joined = skip.concat(up, 1);
      skip.close();
      up.close();
      NDArray decoded = decoders.get(i).forward(ps, new NDList(joined), training, params).singletonOrThrow();
      joined.close();
      x = dropout(i + 1, decoded, ps, training, params);
    }
    NDArray logits = head.forward(ps, new NDList(x), training, params).singletonOrThrow();
    x.close();
    NDArray positive = Activation.softPlus(logits);
    logits.close();
    NDArray out = config.outputScale() == 1f ? positive : Scalars.times(positive, config.outputScale());
    if (out != positive) {
      positive.close();
    }
    if (padBottom + padRight > 0) {
      out = out.get(new NDIndex(":, :, :{}, :{}", height, width));
    }
    return new NDList(out);
  }

  private NDArray dropout(int index, NDArray x, ParameterStore ps, boolean training, PairList<String, Object> params) {
    NDArray dropped = dropouts.get(index).forward(ps, new NDList(x), training, params).singletonOrThrow();
    if (dropped != x) {
      x.close();
    }
    return dropped;
  }

  private static void release(NDArray x, NDArray input) {
    if (x != input) {
      x.close();
    }
  }

  private long padding(long size) {
    long multiple = config.sizeMultiple();
    return (multiple - size % multiple) % multiple;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    long n = in.get(0);
    long h = in.get(2) + padding(in.get(2));
    long w = in.get(3) + padding(in.get(3));
    Shape x = new Shape(n, config.inputChannels(), h, w);
    List<Shape> skipShapes = new ArrayList<>();
    for (ConvBlock encoder : encoders) {
      Shape features = init(encoder, manager, dataType, x);
      skipShapes.add(features);
      x = new Shape(n, features.get(1), features.get(2) / 2, features.get(3) / 2);
    }
    x = init(bottleneck, manager, dataType, x);
    for (int i = 0; i < decoders.size(); i++) {
      Shape up = init(upsamplers.get(i), manager, dataType, x);
      Shape skip = skipShapes.get(skipShapes.size() - 1 - i);
      x = init(decoders.get(i), manager, dataType, new Shape(n, skip.get(1) + up.get(1), up.get(2), up.get(3)));
    }
    for (MonteCarloDropout d : dropouts) {
      d.initialize(manager, dataType, x);
    }
    head.initialize(manager, dataType, x);
  }

  private static Shape init(AbstractBlock block, NDManager manager, DataType dataType, Shape in) {
    block.initialize(manager, dataType, in);
    return block.getOutputShapes(new Shape[] {in})[0];
  }

  /** Builds a {@link UNet}; defaults: depth 4, base width 32, batch norm, no dropout, no SE, bilinear. */
  public static final class Builder {
    private int inputChannels;
    private int depth = 4;
    private int baseWidth = 32;
    private boolean batchNorm = true;
    private float dropout;
    private boolean squeezeExcitation;
    private int seReduction = 8;
    private Upsampling upsampling = Upsampling.BILINEAR;
    private float outputScale = 1f;

    private Builder() {}

    /** Starts from a stored architecture. */
    public Builder config(UNetConfig c) {
      inputChannels = c.inputChannels();
      depth = c.depth();
      baseWidth = c.baseWidth();
      batchNorm = c.batchNorm();
      dropout = c.dropout();
      squeezeExcitation = c.squeezeExcitation();
      seReduction = c.seReduction();
      upsampling = c.upsampling();
      outputScale = c.outputScale();
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

    public Builder baseWidth(int baseWidth) {
      this.baseWidth = baseWidth;
      return this;
    }

    public Builder batchNorm(boolean batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    public Builder dropout(double dropout) {
      this.dropout = (float) dropout;
      return this;
    }

    public Builder squeezeExcitation(boolean squeezeExcitation) {
      this.squeezeExcitation = squeezeExcitation;
      return this;
    }

    public Builder seReduction(int seReduction) {
      this.seReduction = seReduction;
      return this;
    }

    public Builder upsampling(Upsampling upsampling) {
      this.upsampling = upsampling;
      return this;
    }

    /** Output multiplier in metres (the trainer sets it from the training targets). */
    public Builder outputScale(double outputScale) {
      this.outputScale = (float) outputScale;
      return this;
    }

    public UNetConfig toConfig() {
      return new UNetConfig(inputChannels, depth, baseWidth, batchNorm, dropout, squeezeExcitation, seReduction,
          upsampling, outputScale);
    }

    public UNet build() {
      return new UNet(toConfig());
    }
  }
}

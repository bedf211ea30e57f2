package org.sylva.models.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Dropout that can also be switched on at inference time for Monte-Carlo dropout (Gal and Ghahramani, 2016).
 * It drops units when training, or when the forward call's parameters contain {@link #SAMPLE_KEY} (see
 * {@link #sampling()}); otherwise it is the identity. Unlike running the whole network with
 * {@code training = true}, this leaves batch normalisation in inference mode, so MC passes use the learned
 * running statistics and never update them. Randomness comes from the engine's generator
 * ({@code Engine.setRandomSeed}).
 */
public final class MonteCarloDropout extends AbstractBlock {

  /** Key of the forward parameter that turns dropout on at inference time. */
  public static final String SAMPLE_KEY = "sylva.mcDropout";

  private static final byte VERSION = 1;

  private final float rate;

  public MonteCarloDropout(float rate) {
    super(VERSION);
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** Forward parameters that make every {@link MonteCarloDropout} in a network sample a mask. */
  public static PairList<String, Object> sampling() {
    PairList<String, Object> params = new PairList<>();
    params.add(SAMPLE_KEY, Boolean.TRUE);
    return params;
  }

  public float rate() {
    return rate;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    boolean sample = training || (params != null && params.contains(SAMPLE_KEY));
    if (!sample || rate == 0) {
      return inputs;
    }
    return Dropout.dropout(inputs.singletonOrThrow(), rate, true);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}

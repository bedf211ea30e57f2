package org.sylva.models.tsc.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Random;
import org.sylva.models.tsc.RandomStates;

/**
 * Inverted dropout (Keras/PyTorch semantics: during training each value is zeroed with probability
 * {@code rate} and the kept ones are scaled by {@code 1 / (1 - rate)}; identity at inference) whose masks
 * come from a seeded {@link Random} of its own instead of the engine's global generator, so training is
 * reproducible even when several networks train in parallel threads.
 */
public final class SeededDropout extends AbstractBlock {

  private final float rate;
  private Random random;

  public SeededDropout(float rate, long seed) {
    if (rate < 0 || rate >= 1) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
    this.random = new Random(seed);
  }

  public float rate() {
    return rate;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (!training || rate == 0) {
      return inputs;
    }
    float keep = 1 / (1 - rate);
    float[] mask = new float[Math.toIntExact(x.size())];
    synchronized (this) {
      for (int i = 0; i < mask.length; i++) {
        mask[i] = random.nextFloat() < rate ? 0 : keep;
      }
    }
    return new NDList(x.mul(x.getManager().create(mask, x.getShape())));
  }

  /** The mask generator's exact state, for a training checkpoint. */
  public synchronized byte[] randomState() {
    return RandomStates.save(random);
  }

  /** Continues the masks from a state saved by {@link #randomState()}. */
  public synchronized void restoreRandomState(byte[] state) {
    random = RandomStates.restore(state);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}

package org.sylva.models.tsc.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Random;

/**
 * Keras' default weight initialiser ({@code glorot_uniform}): uniform in ±sqrt(6 / (fan_in + fan_out)),
 * with fans multiplied by the kernel size for convolutions ({@code (out, in, k)} weights). The numbers come
 * from a seeded {@link Random} owned by this initialiser rather than the engine's global generator, so
 * networks initialised in parallel threads are still reproducible. Parameters are drawn in the block's
 * (fixed) initialisation order; one instance serves one network.
 */
public final class GlorotUniform implements Initializer {

  private final Random random;

  public GlorotUniform(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    if (shape.dimension() < 2) {
      throw new IllegalArgumentException("Glorot initialisation needs a weight of 2 or more dimensions, got " + shape);
    }
    long receptive = shape.dimension() == 2 ? 1 : shape.slice(2).size();
    double fanIn = shape.get(1) * receptive;
    double fanOut = shape.get(0) * receptive;
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}

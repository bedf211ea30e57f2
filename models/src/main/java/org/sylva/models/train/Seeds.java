package org.sylva.models.train;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;

/**
 * Seeds derived from one run seed, one per purpose and epoch, so every random stream can be recreated
 * without replaying the ones before it (which is what lets a resumed run continue bit for bit).
 */
public final class Seeds {

  /** Purposes of derived seeds. */
  public enum Purpose {
    INITIAL_WEIGHTS,
    SHUFFLE_AND_AUGMENT,
    DROPOUT,
    INFERENCE
  }

  private Seeds() {}

  /** A well-mixed seed for {@code purpose} in {@code epoch} (use 0 for one-off purposes). */
  public static long derive(long seed, Purpose purpose, int epoch) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (purpose.ordinal() + 1)) ^ ((long) epoch << 32 | epoch))
        .nextLong();
  }

  /** Seeds the engine's generator (weight initialisers, dropout masks) for {@code purpose} in {@code epoch}. */
  public static void seedEngine(long seed, Purpose purpose, int epoch) {
    Engine.getInstance().setRandomSeed((int) (derive(seed, purpose, epoch) >>> 33));
  }
}

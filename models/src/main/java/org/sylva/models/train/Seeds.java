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

  /**
   * Guards the engine's generator, which is one per process (PyTorch's default CPU generator): seeding it and
   * drawing from it must be one step when several trainings or predictions share a JVM (parallel pipeline
   * workers), or one thread's seed would reset another's stream. Hold this lock around "seed, then draw"
   * ({@link TrainingLoop} does for initial weights); code that draws all along (dropout masks) holds it for
   * the whole run to stay reproducible.
   */
  public static final Object ENGINE_GENERATOR = new Object();

  private Seeds() {}

  /** A well-mixed seed for {@code purpose} in {@code epoch} (use 0 for one-off purposes). */
  public static long derive(long seed, Purpose purpose, int epoch) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (purpose.ordinal() + 1)) ^ ((long) epoch << 32 | epoch))
        .nextLong();
  }

  /** Seeds the engine's generator (weight initialisers, dropout masks) for {@code purpose} in {@code epoch}. */
  public static void seedEngine(long seed, Purpose purpose, int epoch) {
    synchronized (ENGINE_GENERATOR) {
      Engine.getInstance().setRandomSeed((int) (derive(seed, purpose, epoch) >>> 33));
    }
  }
}

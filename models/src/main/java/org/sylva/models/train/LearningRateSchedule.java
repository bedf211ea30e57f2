package org.sylva.models.train;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate as a pure function of the optimizer update number, so a resumed run that restores the
 * update count continues the schedule exactly (DJL's step trackers keep mutable state and would restart).
 * An optional linear warm-up from {@code base/warmup} to {@code base} precedes the main shape.
 *
 * @param kind constant, cosine annealing, or step decay
 * @param base peak learning rate
 * @param totalUpdates updates over the whole run (cosine reaches {@code base·finalFraction} there)
 * @param warmupUpdates updates of linear warm-up (0 = none)
 * @param finalFraction cosine: final rate as a fraction of {@code base}
 * @param stepUpdates step decay: multiply by {@code stepFactor} every this many updates
 * @param stepFactor step decay factor
 */
public record LearningRateSchedule(Kind kind, float base, int totalUpdates, int warmupUpdates, float finalFraction,
    int stepUpdates, float stepFactor) implements Tracker {

  /** Shape of the schedule after warm-up. */
  public enum Kind {
    CONSTANT,
    /** Half-cosine from {@code base} to {@code base·finalFraction} over the run (Loshchilov and Hutter, 2017). */
    COSINE,
    /** Multiply by {@code stepFactor} every {@code stepUpdates} updates. */
    STEP
  }

  public LearningRateSchedule {
    if (!(base > 0) || Float.isInfinite(base)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, got " + base);
    }
    if (totalUpdates < 1 || warmupUpdates < 0 || stepUpdates < 1) {
      throw new IllegalArgumentException("schedule needs totalUpdates >= 1, warmupUpdates >= 0, stepUpdates >= 1");
    }
    if (!(finalFraction >= 0 && finalFraction <= 1) || !(stepFactor > 0 && stepFactor <= 1)) {
      throw new IllegalArgumentException("schedule needs finalFraction in [0, 1] and stepFactor in (0, 1]");
    }
  }

  /** Rate for update {@code numUpdate}, counted from 1 as DJL optimizers do. */
  @Override
  public float getNewValue(int numUpdate) {
    int t = Math.max(0, numUpdate - 1);
    if (t < warmupUpdates) {
      return base * (t + 1) / warmupUpdates;
    }
    int u = t - warmupUpdates;
    switch (kind) {
      case COSINE: {
        int span = Math.max(1, totalUpdates - warmupUpdates);
        double progress = Math.min(1.0, (double) u / span);
        double floor = base * (double) finalFraction;
        return (float) (floor + (base - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
      }
      case STEP:
        return (float) (base * Math.pow(stepFactor, u / stepUpdates));
      default:
        return base;
    }
  }
}

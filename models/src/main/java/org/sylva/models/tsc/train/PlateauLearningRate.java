package org.sylva.models.tsc.train;

import ai.djl.training.tracker.Tracker;

/**
 * Keras' {@code ReduceLROnPlateau(monitor='loss', factor, patience, min_lr)} as a DJL learning-rate
 * {@link Tracker}: the optimiser reads the current rate, and {@link #onEpochEnd} is told the epoch's training
 * loss. A loss below {@code best - minDelta} (Keras' default {@code min_delta = 1e-4}) is an improvement and
 * resets the wait; after {@code patience} epochs without one the rate is multiplied by {@code factor}, not
 * below {@code minLearningRate}, and the wait restarts (no cooldown), as in Keras 2.2.
 */
public final class PlateauLearningRate implements Tracker {

  /** The schedule's settings; {@code factor = 1} or {@code patience = 0} means a fixed rate. */
  public record Settings(double factor, int patience, double minLearningRate, double minDelta) {

    public Settings {
      if (factor <= 0 || factor > 1 || patience < 0 || minLearningRate < 0) {
        throw new IllegalArgumentException("invalid plateau settings: factor " + factor + ", patience " + patience
            + ", min " + minLearningRate);
      }
    }

    /** Keras' defaults besides the given values: {@code min_delta = 1e-4}. */
    public static Settings keras(double factor, int patience, double minLearningRate) {
      return new Settings(factor, patience, minLearningRate, 1e-4);
    }
  }

  /** Where the schedule stands: the current rate, the best loss so far and the epochs waited since it. */
  public record State(float learningRate, double best, int epochsWaited) {}

  private final Settings settings;
  private volatile float learningRate;
  private double best = Double.POSITIVE_INFINITY;
  private int wait;

  public PlateauLearningRate(double initialLearningRate, Settings settings) {
    this.learningRate = (float) initialLearningRate;
    this.settings = settings;
  }

  @Override
  public float getNewValue(int numUpdate) {
    return learningRate;
  }

  public float learningRate() {
    return learningRate;
  }

  public synchronized State state() {
    return new State(learningRate, best, wait);
  }

  /** Continues the schedule from a saved {@link #state()}. */
  public synchronized void resumeFrom(State state) {
    learningRate = state.learningRate();
    best = state.best();
    wait = state.epochsWaited();
  }

  /** Records an epoch's loss; returns true when the rate was reduced. */
  public synchronized boolean onEpochEnd(double loss) {
    if (loss < best - settings.minDelta()) {
      best = loss;
      wait = 0;
      return false;
    }
    wait++;
    if (settings.patience() == 0 || wait < settings.patience()) {
      return false;
    }
    // As Keras: the wait restarts only when the rate was actually lowered.
    if (learningRate > (float) settings.minLearningRate()) {
      learningRate = (float) Math.max(learningRate * settings.factor(), settings.minLearningRate());
      wait = 0;
      return true;
    }
    return false;
  }
}

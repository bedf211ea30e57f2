package org.sylva.models.tsc.train;

/**
 * How long to train. {@link #PAPER} is the reference recipe; {@link #QUICK} keeps everything but trains
 * one twentieth of the epochs, for tests and smoke runs (accuracy is lower and is stated as such).
 */
public enum TrainingProfile {
  PAPER(1),
  QUICK(20);

  private final int divisor;

  TrainingProfile(int divisor) {
    this.divisor = divisor;
  }

  public int epochs(Architecture architecture) {
    return Math.max(1, architecture.paperEpochs() / divisor);
  }
}

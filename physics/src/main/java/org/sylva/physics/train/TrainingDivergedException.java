package org.sylva.physics.train;

/** A loss term became NaN or infinite: training stops at once, naming the step and the term. */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int step;
  private final String term;

  public TrainingDivergedException(String problem, int step, String phase, String term, double value) {
    super(problem + ": training diverged at step " + step + " (" + phase + "): loss term '" + term + "' is " + value);
    this.step = step;
    this.term = term;
  }

  public int step() {
    return step;
  }

  public String term() {
    return term;
  }
}

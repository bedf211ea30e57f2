package org.sylva.pipelines.pinn;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training one {@link PinnJob} produced: error against the reference on the problem's evaluation
 * grid, final loss, effort, and the predicted field (for the plots of the best configuration). A diverged
 * training has status {@code diverged}, the message in {@code stop} and NaN errors.
 */
public record PinnRunResult(
    PinnJob job,
    String status,
    double relativeL2,
    double maxAbsError,
    double finalLoss,
    Map<String, Double> terms,
    int adamSteps,
    int lbfgsIterations,
    int evaluations,
    double seconds,
    String stop,
    float[] predicted) implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String OK = "ok";
  public static final String DIVERGED = "diverged";

  public PinnRunResult {
    terms = new TreeMap<>(terms);
  }

  /** Value equality including the predicted field (Beam's DirectRunner checks elements are not mutated). */
  @Override
  public boolean equals(Object o) {
    return o instanceof PinnRunResult r && job.equals(r.job) && status.equals(r.status)
        && Double.compare(relativeL2, r.relativeL2) == 0 && Double.compare(maxAbsError, r.maxAbsError) == 0
        && Double.compare(finalLoss, r.finalLoss) == 0 && terms.equals(r.terms) && adamSteps == r.adamSteps
        && lbfgsIterations == r.lbfgsIterations && evaluations == r.evaluations
        && Double.compare(seconds, r.seconds) == 0 && stop.equals(r.stop) && java.util.Arrays.equals(predicted, r.predicted);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(job, status, relativeL2, finalLoss, seconds) * 31 + java.util.Arrays.hashCode(predicted);
  }

  public boolean ok() {
    return OK.equals(status);
  }

  public int steps() {
    return adamSteps + lbfgsIterations;
  }
}

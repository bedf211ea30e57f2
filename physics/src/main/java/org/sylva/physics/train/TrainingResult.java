package org.sylva.physics.train;

import java.util.Map;
import org.sylva.physics.nn.TanhMlp;

/**
 * A trained PINN and how it got there.
 *
 * @param network the architecture
 * @param parameters the trained parameter vector
 * @param history loss per recorded step
 * @param adamSteps Adam steps taken
 * @param lbfgsIterations L-BFGS iterations taken
 * @param evaluations loss-and-gradient evaluations in total (Adam steps + L-BFGS line-search evaluations)
 * @param adamSeconds wall time in Adam
 * @param lbfgsSeconds wall time in L-BFGS
 * @param loss final weighted loss
 * @param terms final unweighted loss terms
 * @param stop why training ended
 */
public record TrainingResult(
    TanhMlp network,
    double[] parameters,
    LossHistory history,
    int adamSteps,
    int lbfgsIterations,
    int evaluations,
    double adamSeconds,
    double lbfgsSeconds,
    double loss,
    Map<String, Double> terms,
    String stop) {

  public int steps() {
    return adamSteps + lbfgsIterations;
  }

  public double seconds() {
    return adamSeconds + lbfgsSeconds;
  }
}

package org.sylva.models.tsc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import org.sylva.models.train.ResumableOptimizer;

/**
 * Adadelta as Keras defines it, with a learning rate (the MLP baseline trains with
 * {@code Adadelta(lr=1.0)} and reduces the rate on plateaus). DJL's own Adadelta has no learning rate and
 * is not implemented by its PyTorch engine, hence this class:
 *
 * <pre>
 *   a ← ρ·a + (1 − ρ)·g²
 *   Δ = g · sqrt(d + ε) / sqrt(a + ε)
 *   d ← ρ·d + (1 − ρ)·Δ²
 *   w ← w − lr·Δ
 * </pre>
 */
public final class KerasAdadelta extends Optimizer implements ResumableOptimizer {

  private static final String GRADIENTS = "accumulatedGradients";
  private static final String UPDATES = "accumulatedUpdates";

  private final ParameterTracker learningRate;
  private final float rho;
  private final float epsilon;
  private final OptimizerSlots state = new OptimizerSlots(GRADIENTS, UPDATES);

  /** Keras' defaults: {@code rho = 0.95}, {@code epsilon = 1e-7}. */
  public KerasAdadelta(ParameterTracker learningRate) {
    this(learningRate, 0.95f, 1e-7f);
  }

  public KerasAdadelta(ParameterTracker learningRate, float rho, float epsilon) {
    this(learningRate, rho, epsilon, 0);
  }

  /** Resumes after {@code updatesDone} updates (the count the learning-rate tracker is given). */
  public KerasAdadelta(ParameterTracker learningRate, float rho, float epsilon, int updatesDone) {
    super(new Builder().optBeginNumUpdate(updatesDone));
    this.learningRate = learningRate;
    this.rho = rho;
    this.epsilon = epsilon;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
    NDArray a = withDefaultState(state.slot(GRADIENTS), parameterId, weight.getDevice(), k -> weight.zerosLike());
    NDArray d = withDefaultState(state.slot(UPDATES), parameterId, weight.getDevice(), k -> weight.zerosLike());
    try (NDArray g2 = grad.square()) {
      a.muli(rho).addi(g2.muli(1 - rho));
    }
    try (NDArray dEps = d.add(epsilon); NDArray aEps = a.add(epsilon);
        NDArray numerator = dEps.sqrt(); NDArray denominator = aEps.sqrt();
        NDArray delta = grad.mul(numerator).divi(denominator); NDArray delta2 = delta.square()) {
      d.muli(rho).addi(delta2.muli(1 - rho));
      weight.subi(delta.muli(lr));
    }
    // PyTorch accumulates gradients and DJL hands optimisers a copy of them; its built-in PyTorch updates
    // clear the weight's own gradient, so this one does too.
    try (NDArray own = weight.getGradient()) {
      own.subi(own);
    }
  }

  @Override
  public Map<String, float[]> slots(String parameterId) {
    return state.export(parameterId);
  }

  @Override
  public void restoreSlots(String parameterId, NDArray weight, Map<String, float[]> slots) {
    state.load(parameterId, weight, slots);
  }

  /** The base class needs a builder; Adadelta has no builder options of its own here. */
  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}

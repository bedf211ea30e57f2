package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * One parameter vector, loss = Σ c·w², so the gradient is 2·c·w; the optimisers' updates are compared with
 * the textbook formulas computed here in double precision, and the gradient must be cleared after each
 * update (PyTorch accumulates gradients otherwise).
 */
class OptimizerStepTest {

  private static final float[] C = {1f, -2f, 0.5f};

  @Test
  void kerasAdadeltaFollowsItsDefinitionAndClearsGradients() {
    double lr = 0.7;
    double rho = 0.95;
    double eps = 1e-7;
    double[] w = {0.3, -1.2, 2.0};
    double[] a = new double[3];
    double[] d = new double[3];
    runSteps(new KerasAdadelta(Tracker.fixed((float) lr)), w.clone(), (expected) -> {
      for (int i = 0; i < 3; i++) {
        double g = 2 * C[i] * expected[i];
        a[i] = rho * a[i] + (1 - rho) * g * g;
        double delta = g * Math.sqrt(d[i] + eps) / Math.sqrt(a[i] + eps);
        d[i] = rho * d[i] + (1 - rho) * delta * delta;
        expected[i] -= lr * delta;
      }
    });
  }

  @Test
  void adamFollowsKerasDefinitionAndClearsGradients() {
    double lr = 1e-3;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-7;
    double[] w = {0.3, -1.2, 2.0};
    double[] m = new double[3];
    double[] v = new double[3];
    int[] t = {0};
    Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed((float) lr)).optEpsilon((float) eps).build();
    runSteps(adam, w.clone(), (expected) -> {
      t[0]++;
      double lrT = lr * Math.sqrt(1 - Math.pow(b2, t[0])) / (1 - Math.pow(b1, t[0]));
      for (int i = 0; i < 3; i++) {
        double g = 2 * C[i] * expected[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        expected[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
      }
    });
  }

  private interface Reference {
    void step(double[] expected);
  }

  private static void runSteps(Optimizer optimizer, double[] expected, Reference reference) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.create(new float[] {(float) expected[0], (float) expected[1], (float) expected[2]});
      w.setRequiresGradient(true);
      NDArray c = manager.create(C);
      ThreadGradients.disable();
      for (int step = 0; step < 5; step++) {
        try (ThreadGradients gradients = ThreadGradients.record()) {
          gradients.backward(w.square().mul(c).sum());
        }
        // DJL's parameter server hands the optimiser a copy of the gradient, as here.
        try (NDArray gradient = w.getGradient().duplicate()) {
          optimizer.update("w", w, gradient);
        }
        reference.step(expected);
        float[] actual = w.toFloatArray();
        for (int i = 0; i < 3; i++) {
          assertThat((double) actual[i]).as("step %d, w[%d]", step, i).isCloseTo(expected[i], within(2e-6));
        }
        assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
      }
    }
  }
}

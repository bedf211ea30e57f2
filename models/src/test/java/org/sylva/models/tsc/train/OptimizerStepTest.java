package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.sylva.models.train.CheckpointableAdamW;

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

  /**
   * Sylva's checkpointable Adam(W) without weight decay, as the classifiers train, must be DJL's Adam to the bit
   * (the published-accuracy runs were measured with DJL's), also when it is rebuilt halfway with the saved
   * moments and update count, as a resumed training does.
   */
  @Test
  void checkpointableAdamWithoutDecayIsBitIdenticalToDjlAdamAlsoWhenResumedHalfway() {
    Tracker rate = Tracker.fixed(1e-3f);
    float[] start = {0.3f, -1.2f, 2.0f};
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray reference = parameter(manager, start);
      NDArray ours = parameter(manager, start);
      Optimizer djl = Adam.builder().optLearningRateTracker(rate).optEpsilon(1e-7f).build();
      CheckpointableAdamW first = adam(rate, 0);
      for (int step = 1; step <= 10; step++) {
        gradientStep(djl, reference);
        gradientStep(first, ours);
        assertThat(ours.toFloatArray()).as("step %d", step).isEqualTo(reference.toFloatArray());
      }
      CheckpointableAdamW resumed = adam(rate, 10);
      resumed.restoreSlots("w", ours, first.slots("w"));
      assertThat(first.slots("w")).containsOnlyKeys("mean", "variance");
      for (int step = 11; step <= 25; step++) {
        gradientStep(djl, reference);
        gradientStep(resumed, ours);
        assertThat(ours.toFloatArray()).as("step %d", step).isEqualTo(reference.toFloatArray());
      }
    }
  }

  private static CheckpointableAdamW adam(Tracker rate, int updatesDone) {
    return CheckpointableAdamW.builder().learningRate(rate).epsilon(1e-7f).optWeightDecays(0f).resumeAfter(updatesDone)
        .build();
  }

  private static NDArray parameter(NDManager manager, float[] values) {
    NDArray w = manager.create(values);
    w.setRequiresGradient(true);
    return w;
  }

  private static void gradientStep(Optimizer optimizer, NDArray w) {
    ThreadGradients.disable();
    try (NDArray c = w.getManager().create(C)) {
      try (ThreadGradients gradients = ThreadGradients.record()) {
        gradients.backward(w.square().mul(c).sum());
      }
    }
    try (NDArray gradient = w.getGradient().duplicate()) {
      optimizer.update("w", w, gradient);
    }
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

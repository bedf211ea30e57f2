package org.sylva.physics.optim;

/**
 * Adam (Kingma &amp; Ba, 2015) on a flat parameter vector, with bias-corrected moment estimates. The state
 * (moments, step count) lives here, so steps can be interleaved with other work.
 */
public final class Adam {

  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double[] m;
  private final double[] v;
  private int t;

  public Adam(int size, double learningRate) {
    this(size, learningRate, 0.9, 0.999, 1e-8);
  }

  public Adam(int size, double learningRate, double beta1, double beta2, double epsilon) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("Adam learning rate must be a positive number, got " + learningRate);
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** Updates {@code x} in place from the gradient at {@code x}. */
  public void step(double[] x, double[] gradient) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < x.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
      v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
      x[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }
}

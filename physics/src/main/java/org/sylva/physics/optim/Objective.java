package org.sylva.physics.optim;

/** A differentiable scalar function of a parameter vector, as optimizers see it. */
@FunctionalInterface
public interface Objective {

  /** Value and gradient at {@code x}; {@code details} carries whatever the caller wants back (loss terms). */
  record Point(double value, double[] gradient, Object details) {}

  Point evaluate(double[] x);
}

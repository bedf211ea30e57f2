package org.sylva.physics.pde;

/** The exact (or numerically exact) solution a trained network is measured against. Thread-safe. */
@FunctionalInterface
public interface ReferenceSolution {
  /** u at a point given in domain variable order. */
  double value(double[] point);
}

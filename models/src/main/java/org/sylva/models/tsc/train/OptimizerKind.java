package org.sylva.models.tsc.train;

/** The optimisers of the reference code. */
public enum OptimizerKind {
  /** Keras {@code Adam()}: lr 1e-3, β1 0.9, β2 0.999, ε 1e-7 (FCN, ResNet, InceptionTime). */
  ADAM,
  /** Keras {@code Adadelta()}: lr 1.0, ρ 0.95, ε 1e-7 (MLP). */
  ADADELTA
}

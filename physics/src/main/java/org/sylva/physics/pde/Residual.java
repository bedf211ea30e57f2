package org.sylva.physics.pde;

import ai.djl.ndarray.NDArray;

/**
 * The PDE residual at collocation points, written on the derivative tensors of the network output, e.g.
 * Burgers {@code d -> d.d("t").add(d.u().mul(d.d("x"))).sub(d.dd("x").mul(d.constant(nu)))}. It must be
 * built from NDArray operations so gradients flow back to the network parameters. The result has shape
 * {@code (N, 1)}. Multiply by constants made with {@link Derivatives#constant}, never {@code mul(double)}.
 */
@FunctionalInterface
public interface Residual {
  NDArray apply(Derivatives d);
}

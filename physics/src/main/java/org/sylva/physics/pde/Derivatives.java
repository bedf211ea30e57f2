package org.sylva.physics.pde;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.sylva.models.nn.Scalars;

/**
 * The network output and its derivatives with respect to the named input variables at N collocation
 * points, each an {@code (N, 1)} NDArray that is part of the autograd graph of the parameters. Only the
 * second derivatives a problem declares ({@link PdeProblem#secondDerivatives()}) are available.
 */
public final class Derivatives {

  private final Domain domain;
  private final NDArray points;
  private final NDArray value;
  private final List<NDArray> first;
  private final List<NDArray> second;

  /**
   * @param points collocation points {@code (N, dim)} in domain coordinates
   * @param value u {@code (N, 1)}
   * @param first ∂u/∂v per variable, in domain order
   * @param second ∂²u/∂v² per variable, null where not computed
   */
  public Derivatives(Domain domain, NDArray points, NDArray value, List<NDArray> first, List<NDArray> second) {
    this.domain = domain;
    this.points = points;
    this.value = value;
    this.first = first;
    this.second = second;
  }

  /** u. */
  public NDArray u() {
    return value;
  }

  /** ∂u/∂variable. */
  public NDArray d(String variable) {
    return first.get(domain.indexOf(variable));
  }

  /** ∂²u/∂variable². */
  public NDArray dd(String variable) {
    NDArray d2 = second.get(domain.indexOf(variable));
    if (d2 == null) {
      throw new IllegalStateException("∂²u/∂" + variable + "² was not declared in the problem's second derivatives");
    }
    return d2;
  }

  /**
   * A float32 scalar for the residual, in PyTorch's own memory ({@link Scalars}). Use it instead of
   * {@code NDArray.mul(Number)}, whose scalar the backward pass may read after the garbage collector freed it
   * (seen here as occasional gradients of 1e8–1e10).
   */
  public NDArray constant(double value) {
    return Scalars.of(this.value, value);
  }

  /** The coordinate column of a variable, {@code (N, 1)}: for source terms such as f(x, y). */
  public NDArray coordinate(String variable) {
    int i = domain.indexOf(variable);
    return points.get(":, " + i + ":" + (i + 1));
  }
}

package org.sylva.physics.pde;

import static org.sylva.physics.pde.DirichletCondition.face;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heat equation {@code u_t = α u_xx} on {@code x ∈ [0, 1], t ∈ [0, 1]} with {@code u(x, 0) = sin(πx)} and
 * {@code u(0, t) = u(1, t) = 0}; the exact solution is {@code e^{−απ²t} sin(πx)}.
 */
public final class Heat {

  public static final String NAME = "heat";
  public static final double DEFAULT_DIFFUSIVITY = 0.1;

  private Heat() {}

  /** Parameters: {@code diffusivity} (α > 0, default 0.1). */
  public static PdeProblem create(Map<String, Double> parameters) {
    PdeRegistry.requireKnown(NAME, parameters, Set.of("diffusivity"));
    double alpha = parameters.getOrDefault("diffusivity", DEFAULT_DIFFUSIVITY);
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException(NAME + ": diffusivity must be a positive number, got " + alpha);
    }
    double decay = alpha * Math.PI * Math.PI;
    return new PdeProblem(
        NAME,
        "u_t = alpha u_xx, x in [0,1], t in [0,1], u(x,0) = sin(pi x), u(0,t) = u(1,t) = 0",
        Domain.box("x", 0, 1, "t", 0, 1),
        Map.of("diffusivity", alpha),
        d -> d.d("t").sub(d.dd("x").mul(d.constant(alpha))),
        Set.of("x"),
        List.of(
            new DirichletCondition("initial", List.of(face("t", 0)), p -> Math.sin(Math.PI * p[0])),
            new DirichletCondition("boundary", List.of(face("x", 0), face("x", 1)), p -> 0)),
        p -> Math.exp(-decay * p[1]) * Math.sin(Math.PI * p[0]),
        new int[] {101, 101},
        "t");
  }
}

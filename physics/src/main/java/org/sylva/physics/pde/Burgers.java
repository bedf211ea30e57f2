package org.sylva.physics.pde;

import static org.sylva.physics.pde.DirichletCondition.face;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sylva.physics.reference.BurgersColeHopf;

/**
 * Viscous Burgers equation {@code u_t + u u_x − ν u_xx = 0} on {@code x ∈ [−1, 1], t ∈ [0, 1]} with
 * {@code u(x, 0) = −sin(πx)} and {@code u(±1, t) = 0}: the PINN benchmark of Raissi et al. (2019) with
 * ν = 0.01/π, where a shock forms at x = 0. The reference is the Cole–Hopf solution.
 */
public final class Burgers {

  public static final String NAME = "burgers";
  public static final double DEFAULT_VISCOSITY = 0.01 / Math.PI;

  private Burgers() {}

  /** Parameters: {@code viscosity} (ν > 0, default 0.01/π). */
  public static PdeProblem create(Map<String, Double> parameters) {
    PdeRegistry.requireKnown(NAME, parameters, Set.of("viscosity"));
    double nu = parameters.getOrDefault("viscosity", DEFAULT_VISCOSITY);
    if (!(nu > 0) || !Double.isFinite(nu)) {
      throw new IllegalArgumentException(NAME + ": viscosity must be a positive number, got " + nu);
    }
    BurgersColeHopf exact = new BurgersColeHopf(nu, BurgersColeHopf.DEFAULT_NODES);
    return new PdeProblem(
        NAME,
        "u_t + u u_x - nu u_xx = 0, x in [-1,1], t in [0,1], u(x,0) = -sin(pi x), u(-1,t) = u(1,t) = 0",
        Domain.box("x", -1, 1, "t", 0, 1),
        Map.of("viscosity", nu),
        d -> d.d("t").add(d.u().mul(d.d("x"))).sub(d.dd("x").mul(d.constant(nu))),
        Set.of("x"),
        List.of(
            new DirichletCondition("initial", List.of(face("t", 0)), p -> -Math.sin(Math.PI * p[0])),
            new DirichletCondition("boundary", List.of(face("x", -1), face("x", 1)), p -> 0)),
        p -> exact.value(p[0], p[1]),
        new int[] {256, 100},
        "t");
  }
}

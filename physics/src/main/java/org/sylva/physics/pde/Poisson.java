package org.sylva.physics.pde;

import static org.sylva.physics.pde.DirichletCondition.face;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poisson equation {@code −Δu = f} on the unit square with the manufactured solution
 * {@code u = sin(kπx) sin(kπy)}, so {@code f = 2k²π² sin(kπx) sin(kπy)} and u = 0 on the boundary. The
 * residual is {@code (Δu + f) / (2k²π²)}.
 */
public final class Poisson {

  public static final String NAME = "poisson";

  private Poisson() {}

  /** Parameters: {@code wavenumber} (k, a positive integer so the boundary values vanish; default 1). */
  public static PdeProblem create(Map<String, Double> parameters) {
    PdeRegistry.requireKnown(NAME, parameters, Set.of("wavenumber"));
    double k = parameters.getOrDefault("wavenumber", 1.0);
    if (!(k >= 1) || k != Math.rint(k) || k > 64) {
      throw new IllegalArgumentException(NAME + ": wavenumber must be an integer in [1, 64], got " + k);
    }
    double w = k * Math.PI;
    return new PdeProblem(
        NAME,
        "-(u_xx + u_yy) = 2 k^2 pi^2 sin(k pi x) sin(k pi y) on [0,1]^2, u = 0 on the boundary",
        Domain.box("x", 0, 1, "y", 0, 1),
        Map.of("wavenumber", k),
        d -> {
          // Divided by 2k²π² so the source has unit amplitude, like u itself: the same PDE, but the residual
          // and boundary terms of the loss are of one scale, which L-BFGS needs to balance them.
          var wave = d.constant(w);
          var source = d.coordinate("x").mul(wave).sin().mul(d.coordinate("y").mul(wave).sin());
          return d.dd("x").add(d.dd("y")).mul(d.constant(1 / (2 * w * w))).add(source);
        },
        Set.of("x", "y"),
        List.of(new DirichletCondition("boundary",
            List.of(face("x", 0), face("x", 1), face("y", 0), face("y", 1)), p -> 0)),
        p -> Math.sin(w * p[0]) * Math.sin(w * p[1]),
        new int[] {101, 101},
        "x");
  }
}

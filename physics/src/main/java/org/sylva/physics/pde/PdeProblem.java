package org.sylva.physics.pde;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PDE posed for a PINN, declared as data: the domain box, the residual on derivative tensors, the
 * Dirichlet conditions, the physical parameters, and a reference solution to measure the error against.
 * The trainer knows nothing else of a problem, so a new PDE is a new {@code PdeProblem} registered in
 * {@link PdeRegistry}.
 *
 * @param name registry name ({@code burgers})
 * @param equation human-readable statement for reports
 * @param domain the box
 * @param parameters physical parameters by name (viscosity, diffusivity), for reports and run manifests
 * @param residual residual at collocation points; zero for the exact solution
 * @param secondDerivatives variables whose pure second derivative the residual uses
 * @param conditions Dirichlet conditions, one loss term each
 * @param reference exact solution
 * @param evaluationPoints grid points per variable of the fixed evaluation grid the error is measured on
 * @param horizontalAxis variable drawn horizontally in field plots (time for evolution equations)
 */
public record PdeProblem(
    String name,
    String equation,
    Domain domain,
    Map<String, Double> parameters,
    Residual residual,
    Set<String> secondDerivatives,
    List<DirichletCondition> conditions,
    ReferenceSolution reference,
    int[] evaluationPoints,
    String horizontalAxis) {

  /** Name of the loss term of the PDE residual. */
  public static final String RESIDUAL_TERM = "residual";

  public PdeProblem {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    secondDerivatives = Set.copyOf(secondDerivatives);
    conditions = List.copyOf(conditions);
    evaluationPoints = evaluationPoints.clone();
    for (String v : secondDerivatives) {
      domain.indexOf(v);
    }
    domain.indexOf(horizontalAxis);
    if (evaluationPoints.length != domain.dimension()) {
      throw new IllegalArgumentException(name + ": one evaluation grid size per variable expected");
    }
    if (domain.dimension() != 2) {
      throw new IllegalArgumentException(name + ": only two-variable problems are supported (plots, grids)");
    }
    Set<String> terms = new HashSet<>();
    terms.add(RESIDUAL_TERM);
    for (DirichletCondition c : conditions) {
      if (!terms.add(c.name())) {
        throw new IllegalArgumentException(name + ": loss term '" + c.name() + "' is declared twice");
      }
      for (DirichletCondition.Face f : c.faces()) {
        int axis = domain.indexOf(f.variable());
        if (f.coordinate() < domain.lower(axis) || f.coordinate() > domain.upper(axis)) {
          throw new IllegalArgumentException(name + ": face " + f + " lies outside " + domain);
        }
      }
    }
  }

  /** Loss term names: the residual first, then the conditions in declaration order. */
  public List<String> lossTerms() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(RESIDUAL_TERM),
        conditions.stream().map(DirichletCondition::name)).toList();
  }

  @Override
  public int[] evaluationPoints() {
    return evaluationPoints.clone();
  }
}

package org.sylva.physics.pde;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A Dirichlet condition {@code u = g} on one or more faces of the domain box (an initial condition is the
 * face {@code t = t0}). Its name is the loss term it becomes ({@code "initial"}, {@code "boundary"}), so
 * loss weights and loss curves use it.
 *
 * @param name loss-term name, unique within a problem
 * @param faces the faces the condition holds on; collocation points are split evenly between them
 * @param target the prescribed value g at a point on a face (variables in domain order)
 */
public record DirichletCondition(String name, List<Face> faces, ToDoubleFunction<double[]> target) {

  public DirichletCondition {
    faces = List.copyOf(faces);
    if (name == null || name.isBlank() || faces.isEmpty()) {
      throw new IllegalArgumentException("a condition needs a name and at least one face");
    }
  }

  /** The face {@code variable = coordinate} of the domain box. */
  public record Face(String variable, double coordinate) {}

  public static Face face(String variable, double coordinate) {
    return new Face(variable, coordinate);
  }
}

package org.sylva.physics.eval;

import org.sylva.physics.pde.Domain;
import org.sylva.physics.pde.PdeProblem;

/**
 * The fixed grid a problem's error is measured on: evenly spaced points including the box corners,
 * ordered like an image so it can be drawn as it is: {@code columns} along the horizontal variable
 * (left to right), {@code rows} along the other (top row = upper bound).
 */
public record EvaluationGrid(Domain domain, int horizontal, int vertical, int columns, int rows) {

  public static EvaluationGrid of(PdeProblem problem) {
    Domain domain = problem.domain();
    int h = domain.indexOf(problem.horizontalAxis());
    int v = 1 - h;
    int[] counts = problem.evaluationPoints();
    return new EvaluationGrid(domain, h, v, counts[h], counts[v]);
  }

  public int size() {
    return columns * rows;
  }

  /** Grid points in domain variable order, row-major from the top-left. */
  public double[][] points() {
    double[][] points = new double[size()][2];
    for (int r = 0; r < rows; r++) {
      double vy = domain.upper(vertical) - domain.width(vertical) * r / (rows - 1);
      for (int c = 0; c < columns; c++) {
        double hx = domain.lower(horizontal) + domain.width(horizontal) * c / (columns - 1);
        double[] p = points[r * columns + c];
        p[horizontal] = hx;
        p[vertical] = vy;
      }
    }
    return points;
  }

  public String horizontalName() {
    return domain.variables().get(horizontal);
  }

  public String verticalName() {
    return domain.variables().get(vertical);
  }
}

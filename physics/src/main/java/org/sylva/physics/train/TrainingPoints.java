package org.sylva.physics.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.physics.pde.DirichletCondition;
import org.sylva.physics.pde.Domain;
import org.sylva.physics.pde.PdeProblem;

/**
 * The fixed points a configuration trains on: interior collocation points for the residual and, per
 * condition, points on its faces with the prescribed values. Deterministic in the configuration's seed,
 * so a peer implementation (the PyTorch benchmark) can train on exactly the same points.
 *
 * @param interior collocation points, {@code [n][dimension]}
 * @param conditions per condition name, points on its faces, {@code [m][dimension]}
 * @param targets per condition name, the prescribed value at each of its points
 */
public record TrainingPoints(double[][] interior, Map<String, double[][]> conditions, Map<String, double[]> targets) {

  public static TrainingPoints of(PdeProblem problem, PinnConfig config) {
    Domain domain = problem.domain();
    double[][] interior = config.sampling().sample(config.collocationPoints(), domain.lower(), domain.upper(),
        config.seed());
    Map<String, double[][]> conditions = new LinkedHashMap<>();
    Map<String, double[]> targets = new LinkedHashMap<>();
    int k = 0;
    for (DirichletCondition c : problem.conditions()) {
      List<double[]> points = onFaces(domain, c, config, config.seed() + 7919L * ++k);
      double[] values = new double[points.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = c.target().applyAsDouble(points.get(i));
      }
      conditions.put(c.name(), points.toArray(new double[0][]));
      targets.put(c.name(), values);
    }
    return new TrainingPoints(interior, conditions, targets);
  }

  /** Points on the faces of a condition: an even share per face, sampled along the face. */
  static List<double[]> onFaces(Domain domain, DirichletCondition c, PinnConfig config, long seed) {
    List<double[]> points = new ArrayList<>();
    int faces = c.faces().size();
    for (int f = 0; f < faces; f++) {
      DirichletCondition.Face face = c.faces().get(f);
      int n = config.conditionPoints() / faces + (f < config.conditionPoints() % faces ? 1 : 0);
      if (n == 0) {
        continue;
      }
      int axis = domain.indexOf(face.variable());
      for (double[] p : config.sampling().sample(n, domain.lower(), domain.upper(), seed + f)) {
        p[axis] = face.coordinate();
        points.add(p);
      }
    }
    return points;
  }
}

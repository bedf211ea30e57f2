package org.sylva.physics.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.models.nn.Scalars;
import org.sylva.physics.nn.Autograd;
import org.sylva.physics.nn.TanhMlp;
import org.sylva.physics.optim.Objective;
import org.sylva.physics.pde.Derivatives;
import org.sylva.physics.pde.DirichletCondition;
import org.sylva.physics.pde.Domain;
import org.sylva.physics.pde.PdeProblem;

/**
 * The PINN loss {@code Σ_k w_k · mean(term_k²)} over fixed collocation points: the PDE residual at interior
 * points and {@code u − g} at the points of each Dirichlet condition. The points live in this objective's
 * NDManager for the whole training; every evaluation works in a sub-manager that is closed before it
 * returns, so a long training allocates no native memory that outlives a step. The {@code details} of a
 * point are the unweighted term values by name, in {@link PdeProblem#lossTerms()} order.
 */
final class PinnObjective implements Objective, AutoCloseable {

  private final PdeProblem problem;
  private final TanhMlp net;
  private final NDManager manager;
  private final NDArray collocation;
  private final boolean[] second;
  private final List<NDArray> conditionPoints = new ArrayList<>();
  private final List<NDArray> conditionTargets = new ArrayList<>();
  private final double[] weights;

  PinnObjective(PdeProblem problem, TanhMlp net, PinnConfig config, NDManager parent) {
    this.problem = problem;
    this.net = net;
    this.manager = parent.newSubManager();
    Domain domain = problem.domain();
    TrainingPoints points = TrainingPoints.of(problem, config);
    collocation = toArray(points.interior());
    second = new boolean[domain.dimension()];
    for (String v : problem.secondDerivatives()) {
      second[domain.indexOf(v)] = true;
    }
    for (DirichletCondition c : problem.conditions()) {
      double[] values = points.targets().get(c.name());
      float[] targets = new float[values.length];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = (float) values[i];
      }
      conditionPoints.add(toArray(points.conditions().get(c.name())));
      conditionTargets.add(manager.create(targets, new Shape(targets.length, 1)));
    }
    List<String> terms = problem.lossTerms();
    weights = new double[terms.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = config.weight(terms.get(i));
    }
  }

  @Override
  public Point evaluate(double[] theta) {
    try (NDManager step = manager.newSubManager()) {
      // DJL attaches an operation's result to the manager of its first operand: the long-lived point
      // arrays are moved into the step's manager for this evaluation (and back when it closes), so every
      // intermediate of the step is freed with it instead of accumulating in the objective's manager.
      collocation.tempAttach(step);
      conditionPoints.forEach(a -> a.tempAttach(step));
      conditionTargets.forEach(a -> a.tempAttach(step));
      return Autograd.recording(() -> {
        TanhMlp.Weights w = net.weights(step, theta, true);
        TanhMlp.Jet jet = net.jet(w, collocation, second);
        NDArray residual = problem.residual().apply(
            new Derivatives(problem.domain(), collocation, jet.value(), jet.first(), jet.second()));
        List<NDArray> terms = new ArrayList<>();
        terms.add(residual.square().mean());
        for (int i = 0; i < conditionPoints.size(); i++) {
          terms.add(net.value(w, conditionPoints.get(i)).sub(conditionTargets.get(i)).square().mean());
        }
        NDArray total = Scalars.times(terms.get(0), weights[0]);
        for (int i = 1; i < terms.size(); i++) {
          total = total.add(Scalars.times(terms.get(i), weights[i]));
        }
        Autograd.backward(total);
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> names = problem.lossTerms();
        for (int i = 0; i < terms.size(); i++) {
          values.put(names.get(i), (double) terms.get(i).getFloat());
        }
        return new Point(total.getFloat(), net.gradient(w), values);
      });
    }
  }

  private NDArray toArray(double[][] points) {
    int dim = points[0].length;
    float[] flat = new float[points.length * dim];
    for (int i = 0; i < points.length; i++) {
      for (int d = 0; d < dim; d++) {
        flat[i * dim + d] = (float) points[i][d];
      }
    }
    return manager.create(flat, new Shape(points.length, dim));
  }

  @Override
  public void close() {
    manager.close();
  }
}

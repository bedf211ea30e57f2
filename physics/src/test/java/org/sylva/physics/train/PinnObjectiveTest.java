package org.sylva.physics.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sylva.physics.nn.TanhMlp;
import org.sylva.physics.optim.Objective;
import org.sylva.physics.pde.DirichletCondition;
import org.sylva.physics.pde.PdeProblem;
import org.sylva.physics.pde.PdeRegistry;

class PinnObjectiveTest {

  @Test
  void gradientMatchesFiniteDifferencesOfTheLoss() {
    PdeProblem burgers = PdeRegistry.create("burgers");
    PinnConfig config = PinnConfig.defaults().withShape(8, 3).withPoints(300, 40)
        .withWeights(Map.of("initial", 3.0, "boundary", 2.0));
    TanhMlp net = TanhMlp.builder().width(8).depth(3).inputBox(burgers.domain().lower(), burgers.domain().upper()).build();
    double[] theta = net.initialParameters(5);
    try (NDManager manager = NDManager.newBaseManager();
        PinnObjective objective = new PinnObjective(burgers, net, config, manager)) {
      Objective.Point p = objective.evaluate(theta);
      assertThat(p.details()).isEqualTo(p.details()).asString().contains("residual", "initial", "boundary");
      @SuppressWarnings("unchecked")
      Map<String, Double> terms = (Map<String, Double>) p.details();
      assertThat(p.value()).isCloseTo(terms.get("residual") + 3 * terms.get("initial") + 2 * terms.get("boundary"),
          within(1e-6 * p.value()));
      // First-layer weight, a hidden weight, a hidden bias, the output bias.
      for (int i : new int[] {0, 5, 30, net.parameterCount() - 1}) {
        double h = 4e-3;
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += h;
        down[i] -= h;
        double fd = (objective.evaluate(up).value() - objective.evaluate(down).value()) / (2 * h);
        // The loss is float32: ~6e-8·L rounding noise, divided by 2h, is ~1e-4 absolute at L ≈ 5; the O(h²)
        // truncation of the central difference is ~1e-5. A wrong gradient is off by far more (sign, factor).
        assertThat(p.gradient()[i]).as("dL/dθ[%d]", i).isCloseTo(fd, within(2e-3 * Math.abs(fd) + 3e-4));
      }
    }
  }

  @Test
  void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() {
    // Regression: NDArray.mul(Number) in a residual let the GC free a scalar the backward pass still read,
    // so some evaluations returned gradients of 1e8–1e10. Derivatives#constant keeps the scalar alive.
    PdeProblem heat = PdeRegistry.create("heat");
    PdeProblem collecting = new PdeProblem("heat-gc", heat.equation(), heat.domain(), heat.parameters(),
        d -> {
          NDArray r = d.d("t").sub(d.dd("x").mul(d.constant(0.1)));
          System.gc();
          return r;
        },
        heat.secondDerivatives(), heat.conditions(), heat.reference(), heat.evaluationPoints(), heat.horizontalAxis());
    PinnConfig config = PinnConfig.defaults().withShape(10, 3).withPoints(200, 20);
    TanhMlp net = TanhMlp.builder().width(10).depth(3).inputBox(heat.domain().lower(), heat.domain().upper()).build();
    double[] theta = net.initialParameters(9);
    try (NDManager manager = NDManager.newBaseManager();
        PinnObjective plain = new PinnObjective(heat, net, config, manager);
        PinnObjective withGc = new PinnObjective(collecting, net, config, manager)) {
      double[] expected = plain.evaluate(theta).gradient();
      for (int i = 0; i < 5; i++) {
        assertThat(withGc.evaluate(theta).gradient()).containsExactly(expected);
      }
    }
  }

  @Test
  void conditionPointsLieOnTheirFacesAndAreSharedEvenly() {
    PdeProblem poisson = PdeRegistry.create("poisson");
    DirichletCondition boundary = poisson.conditions().get(0);
    PinnConfig config = PinnConfig.defaults().withPoints(100, 10);
    List<double[]> points = TrainingPoints.onFaces(poisson.domain(), boundary, config, 1);
    assertThat(points).hasSize(10);
    // 10 points over 4 faces: 3, 3, 2, 2.
    assertThat(points.stream().filter(p -> p[0] == 0)).hasSize(3);
    assertThat(points.stream().filter(p -> p[0] == 1)).hasSize(3);
    assertThat(points.stream().filter(p -> p[1] == 0)).hasSize(2);
    assertThat(points.stream().filter(p -> p[1] == 1)).hasSize(2);
  }
}

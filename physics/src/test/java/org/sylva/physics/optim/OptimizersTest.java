package org.sylva.physics.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimizersTest {

  /** Rosenbrock in n dimensions: minimum 0 at (1, …, 1); a curved valley plain gradient descent crawls along. */
  private static final Objective ROSENBROCK = x -> {
    double f = 0;
    double[] g = new double[x.length];
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
      g[i] += -400 * x[i] * a - 2 * b;
      g[i + 1] += 200 * a;
    }
    return new Objective.Point(f, g, null);
  };

  @Test
  void lbfgsSolvesRosenbrockInFewIterations() {
    double[] start = {-1.2, 1, -1.2, 1, -1.2, 1};
    Lbfgs.Result r = new Lbfgs(200, 10, 1e-10, 1e-14).minimize(ROSENBROCK, start, (i, p) -> true);
    for (double xi : r.x()) {
      assertThat(xi).isCloseTo(1, within(1e-6));
    }
    assertThat(r.point().value()).isLessThan(1e-12);
    // Strong-Wolfe L-BFGS needs of the order of 40–80 iterations here; gradient descent needs thousands.
    assertThat(r.iterations()).isLessThan(150);
    assertThat(r.evaluations()).isLessThan(3 * r.iterations() + 10);
  }

  @Test
  void lbfgsStopsWhenTheListenerSaysSo() {
    Lbfgs.Result r = new Lbfgs(200, 10, 1e-10, 1e-14).minimize(ROSENBROCK, new double[] {-1.2, 1}, (i, p) -> i < 3);
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.LISTENER);
  }

  @Test
  void cubicInterpolationFindsTheMinimumOfACubic() {
    // f(t) = (t − 1)³ − 3(t − 1) + 5 has its local minimum at t = 2; sample it at 0 and 3.
    double x1 = 0;
    double x2 = 3;
    double f1 = Math.pow(x1 - 1, 3) - 3 * (x1 - 1) + 5;
    double f2 = Math.pow(x2 - 1, 3) - 3 * (x2 - 1) + 5;
    double g1 = 3 * Math.pow(x1 - 1, 2) - 3;
    double g2 = 3 * Math.pow(x2 - 1, 2) - 3;
    assertThat(Lbfgs.cubicInterpolate(x1, f1, g1, x2, f2, g2, 0, 3)).isCloseTo(2, within(1e-12));
  }

  @Test
  void adamConvergesOnAnIllConditionedQuadratic() {
    double[] x = {3, -2};
    Adam adam = new Adam(2, 0.05);
    for (int i = 0; i < 3000; i++) {
      adam.step(x, new double[] {2 * x[0], 200 * x[1]});
    }
    assertThat(x[0]).isCloseTo(0, within(1e-3));
    assertThat(x[1]).isCloseTo(0, within(1e-3));
  }
}

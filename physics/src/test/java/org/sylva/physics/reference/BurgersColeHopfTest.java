package org.sylva.physics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BurgersColeHopfTest {

  private static final double NU = 0.01 / Math.PI;
  private final BurgersColeHopf exact = new BurgersColeHopf(NU, BurgersColeHopf.DEFAULT_NODES);

  private double slopeAtZero(BurgersColeHopf u, double t) {
    double h = 1e-7;
    return (u.value(h, t) - u.value(-h, t)) / (2 * h);
  }

  @Test
  void maximalSlopeAtTheShockIsBasdevantsValue() {
    // Basdevant et al. (1986), Table: max |∂u/∂x| at x = 0 is 152.00516, reached at t = 1.6037/π
    // (the brief's "t = 1/π" is a misquote: there the slope is only ~34).
    assertThat(-slopeAtZero(exact, 1.6037 / Math.PI)).isCloseTo(152.00516, within(5e-5));
    // It is the maximum over time: a little earlier and later the slope is smaller.
    assertThat(-slopeAtZero(exact, 1.58 / Math.PI)).isLessThan(152.0);
    assertThat(-slopeAtZero(exact, 1.63 / Math.PI)).isLessThan(152.0);
  }

  @Test
  void shockSteepensMonotonicallyUntilTheMaximum() {
    double previous = 0;
    for (double t = 0.05; t <= 0.5; t += 0.05) {
      double slope = -slopeAtZero(exact, t);
      assertThat(slope).isGreaterThan(previous);
      previous = slope;
    }
  }

  @Test
  void solutionIsAntisymmetricAndVanishesOnTheBoundary() {
    for (double t : new double[] {0.1, 0.4, 0.75, 1.0}) {
      for (double x : new double[] {0.01, 0.2, 0.5, 0.93}) {
        assertThat(exact.value(-x, t)).isCloseTo(-exact.value(x, t), within(1e-12));
      }
      assertThat(exact.value(0, t)).isCloseTo(0, within(1e-12));
      assertThat(exact.value(1, t)).isCloseTo(0, within(1e-12));
      assertThat(exact.value(-1, t)).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void startsFromTheInitialCondition() {
    for (double x = -1; x <= 1; x += 0.125) {
      assertThat(exact.value(x, 1e-9)).isCloseTo(-Math.sin(Math.PI * x), within(1e-6));
      assertThat(exact.value(x, 0)).isEqualTo(-Math.sin(Math.PI * x));
    }
  }

  @Test
  void satisfiesThePdeAwayFromTheShock() {
    // Central differences of the reference itself: u_t + u u_x − ν u_xx ≈ 0 (O(h²) ≈ 1e-6 here).
    double h = 1e-3;
    for (double[] p : new double[][] {{0.5, 0.3}, {-0.4, 0.7}, {0.8, 0.95}, {-0.25, 0.1}}) {
      double x = p[0];
      double t = p[1];
      double u = exact.value(x, t);
      double ut = (exact.value(x, t + h) - exact.value(x, t - h)) / (2 * h);
      double ux = (exact.value(x + h, t) - exact.value(x - h, t)) / (2 * h);
      double uxx = (exact.value(x + h, t) - 2 * u + exact.value(x - h, t)) / (h * h);
      assertThat(ut + u * ux - NU * uxx).as("residual at %s", java.util.Arrays.toString(p)).isCloseTo(0, within(1e-4));
    }
  }

  @Test
  void quadratureHasConvergedAtTheDefaultNodeCount() {
    BurgersColeHopf finer = new BurgersColeHopf(NU, 150);
    for (double[] p : new double[][] {{0.001, 0.51}, {0.02, 1.0}, {-0.6, 0.3}}) {
      assertThat(exact.value(p[0], p[1])).isCloseTo(finer.value(p[0], p[1]), within(1e-9));
    }
  }

  @Test
  void rejectsNonPositiveViscosity() {
    assertThatThrownBy(() -> new BurgersColeHopf(-0.1, 100))
        .hasMessage("Burgers viscosity must be a positive number, got -0.1");
  }
}

package org.sylva.physics.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PdeRegistryTest {

  @Test
  void knowsTheThreeProblems() {
    assertThat(PdeRegistry.names()).contains("burgers", "heat", "poisson");
    assertThat(PdeRegistry.create("burgers").parameters().get("viscosity")).isEqualTo(0.01 / Math.PI);
    assertThat(PdeRegistry.create("heat").lossTerms()).containsExactly("residual", "initial", "boundary");
    assertThat(PdeRegistry.create("poisson").lossTerms()).containsExactly("residual", "boundary");
  }

  @Test
  void closedFormReferencesSatisfyTheirConditions() {
    PdeProblem heat = PdeRegistry.create("heat", Map.of("diffusivity", 0.2));
    assertThat(heat.reference().value(new double[] {0.5, 0})).isCloseTo(1, within(1e-15));
    assertThat(heat.reference().value(new double[] {0.5, 1})).isCloseTo(Math.exp(-0.2 * Math.PI * Math.PI), within(1e-15));
    assertThat(heat.reference().value(new double[] {1, 0.3})).isCloseTo(0, within(1e-15));
    PdeProblem poisson = PdeRegistry.create("poisson");
    assertThat(poisson.reference().value(new double[] {0.5, 0.5})).isCloseTo(1, within(1e-15));
    assertThat(poisson.reference().value(new double[] {0, 0.3})).isCloseTo(0, within(1e-15));
  }

  @Test
  void badInputGivesOneClearLine() {
    assertThatThrownBy(() -> PdeRegistry.create("navier-stokes"))
        .hasMessage("unknown PDE 'navier-stokes'; known: burgers, heat, poisson");
    assertThatThrownBy(() -> PdeRegistry.create("burgers", Map.of("viscosity", -0.01)))
        .hasMessage("burgers: viscosity must be a positive number, got -0.01");
    assertThatThrownBy(() -> PdeRegistry.create("burgers", Map.of("viscocity", 0.01)))
        .hasMessage("burgers: unknown parameter 'viscocity'; known: viscosity");
    assertThatThrownBy(() -> PdeRegistry.create("heat", Map.of("diffusivity", Double.NaN)))
        .hasMessage("heat: diffusivity must be a positive number, got NaN");
    assertThatThrownBy(() -> Domain.box("x", 1, 1, "t", 0, 1))
        .hasMessage("domain: x range [1.0, 1.0] is empty or not finite");
  }
}

package org.sylva.physics.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sylva.physics.eval.SolutionField;
import org.sylva.physics.pde.PdeProblem;
import org.sylva.physics.pde.PdeRegistry;

/**
 * Short trainings (seconds each) that must reach a stated accuracy against the exact solutions. The
 * bounds are looser than the CLI's quality bar (heat/Poisson ≤ 1e-3 with the default profile) because
 * these runs take 500 steps of a 4 × 20 network on 1000 points; measured here: heat ≈ 5e-4, Poisson
 * ≈ 1e-3, so 1e-2 leaves room for other machines' float rounding but still fails an untrained or broken
 * network (relative error ≈ 1).
 */
class PinnTrainerTest {

  private static final PinnConfig SHORT = PinnConfig.defaults().withShape(20, 4).withPoints(1000, 100)
      .withSchedule(200, 1e-3, 300);

  @Test
  void heatEquationReachesOnePercent() {
    assertThat(relativeError("heat", SHORT)).isLessThan(1e-2);
  }

  @Test
  void poissonEquationReachesOnePercent() {
    assertThat(relativeError("poisson", SHORT)).isLessThan(1e-2);
  }

  @Test
  void sameSeedSameParametersOtherSeedOtherParameters() {
    PinnConfig tiny = PinnConfig.defaults().withShape(6, 2).withPoints(100, 20).withSchedule(10, 1e-3, 5);
    PdeProblem heat = PdeRegistry.create("heat");
    TrainingResult a = PinnTrainer.train(heat, tiny, TrainingListener.NONE);
    TrainingResult b = PinnTrainer.train(heat, tiny, TrainingListener.NONE);
    TrainingResult c = PinnTrainer.train(heat, tiny.withSeed(7), TrainingListener.NONE);
    assertThat(a.parameters()).containsExactly(b.parameters());
    assertThat(a.parameters()).isNotEqualTo(c.parameters());
    assertThat(a.history().toCsv()).startsWith("step,phase,seconds,loss,residual,initial,boundary\n");
    assertThat(a.history().rows()).hasSizeGreaterThan(10);
    assertThat(a.steps()).isEqualTo(15);
  }

  @Test
  void nanLossStopsTrainingNamingStepAndTerm() {
    // A PDE registered by a test, without touching the trainer: its residual turns NaN once u > 0.5.
    PdeProblem heat = PdeRegistry.create("heat");
    PdeRegistry.register("heat-nan", params -> new PdeProblem("heat-nan", "sqrt(0.5 - u) = 0", heat.domain(),
        Map.of(), d -> d.u().neg().add(0.5).sqrt(), heat.secondDerivatives(), heat.conditions(), heat.reference(),
        heat.evaluationPoints(), heat.horizontalAxis()));
    PinnConfig config = PinnConfig.defaults().withShape(8, 2).withPoints(200, 50).withSchedule(500, 1e-2, 0);
    assertThatThrownBy(() -> PinnTrainer.train(PdeRegistry.create("heat-nan"), config, TrainingListener.NONE))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageMatching("heat-nan: training diverged at step \\d+ \\(Adam\\): loss term 'residual' is NaN");
  }

  @Test
  void unknownLossWeightIsRejected() {
    assertThatThrownBy(() -> PinnTrainer.train(PdeRegistry.create("poisson"),
        SHORT.withWeights(Map.of("initial", 10.0)), TrainingListener.NONE))
        .hasMessage("poisson: loss weight for unknown term 'initial'; terms: boundary, conditions, residual");
  }

  @Test
  void badConfigurationsGiveOneLine() {
    assertThatThrownBy(() -> SHORT.withPoints(0, 10)).hasMessage("collocation points must be >= 1, got 0");
    assertThatThrownBy(() -> SHORT.withSchedule(0, 1e-3, 0))
        .hasMessage("need Adam steps and/or L-BFGS iterations (>= 0, not both 0), got 0 and 0");
    assertThatThrownBy(() -> SHORT.withWeights(Map.of("boundary", -1.0)))
        .hasMessage("loss weight boundary must be a finite number >= 0, got -1.0");
  }

  private static double relativeError(String pde, PinnConfig config) {
    PdeProblem problem = PdeRegistry.create(pde);
    TrainingResult result = PinnTrainer.train(problem, config, TrainingListener.NONE);
    return SolutionField.evaluate(problem, result.network(), result.parameters()).relativeL2();
  }
}

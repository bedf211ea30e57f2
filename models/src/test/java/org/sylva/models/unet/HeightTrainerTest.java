package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.models.metrics.RegressionMetrics;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.TrainingDivergedException;
import org.sylva.models.train.TrainingOptions;

class HeightTrainerTest {

  @TempDir Path dir;

  /**
   * Overfit check: a depth-2, width-8 U-Net learns height = 30·sigmoid(2·s0 − 1.5·s1) + 4·s2² + N(0, 0.5²)
   * from 32 sparse-target patches (30% of pixels; 1% of input values missing) and is scored on 8 unseen
   * patches of the same process. The noise alone gives MAE 0.5·√(2/π) = 0.40 m; predicting the training
   * mean gives about 7 m. Bound: MAE < 2 m and below a quarter of that baseline (measured 1.46 m in 40
   * epochs, ~10 s on one core).
   */
  @Test
  void tinyUNetLearnsSyntheticMapping() throws Exception {
    List<Patch> train = withMissingInputs(SyntheticHeights.patches(32, 32, 0.5, 0.3, 1), 0.01, 7);
    List<Patch> validation = SyntheticHeights.patches(8, 32, 0.5, 0.3, 2);
    try (HeightModel model = HeightTrainer.builder()
        .bands(SyntheticHeights.BANDS)
        .architecture(UNet.builder().depth(2).baseWidth(8))
        .loss(MaskedLoss.l1())
        .options(TrainingOptions.builder().epochs(40).batchSize(8).learningRate(3e-3).patience(0).seed(3).build())
        .build()
        .train(train, validation)) {
      HeightEvaluation evaluation = model.evaluate(validation, 8);
      RegressionMetrics m = evaluation.accuracy().overall();
      double baseline = baselineMae(train, validation);
      assertThat(baseline).isGreaterThan(5);
      assertThat(m.mae()).isLessThan(2.0).isLessThan(0.25 * baseline);
      assertThat(m.r2()).isGreaterThan(0.9);
      assertThat(model.manifest().validation()).isEqualTo(evaluation.accuracy());
      assertThat(model.manifest().training().history()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
      evaluation.writePlots(dir, "validation", "synthetic validation");
      assertThat(dir.resolve("validation-scatter.png")).isNotEmptyFile();
      assertThat(dir.resolve("validation-errors.png")).isNotEmptyFile();
    }
  }

  /**
   * A learning rate of 1e9 throws the weights to ±1e9 in the first update, so the next batch's loss is not
   * finite: the loop stops there and says where, as a {@link TrainingDivergedException} a caller can tell apart.
   */
  @Test
  void divergingTrainingStopsWithTheEpochAndBatch() {
    List<Patch> train = SyntheticHeights.patches(16, 32, 0.5, 0.3, 1);
    HeightTrainer trainer = HeightTrainer.builder()
        .bands(SyntheticHeights.BANDS)
        .architecture(UNet.builder().depth(2).baseWidth(8))
        .options(TrainingOptions.builder().epochs(3).batchSize(4).learningRate(1e9).patience(0).seed(3).build())
        .build();
    assertThatThrownBy(() -> trainer.train(train, List.of()))
        .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
          assertThat(e.epoch()).isBetween(1, 3);
          assertThat(e.batch()).isBetween(1, 4);
        })
        .hasMessageMatching("training diverged: loss (NaN|-?Infinity) in epoch [1-3], batch [1-4]"
            + " \\(lower the learning rate or check the inputs\\)");
  }

  @Test
  void refusesInconsistentPatches() {
    HeightTrainer trainer = HeightTrainer.builder().bands(List.of("a", "b")).build();
    List<Patch> threeBands = SyntheticHeights.patches(1, 8, 0, 1, 1);
    assertThatThrownBy(() -> trainer.train(threeBands, List.of())).hasMessageContaining("4 bands but 2 band names");
    Patch noTargets = new Patch(2, 4, 4, new float[32], new float[16], new float[16]);
    assertThatThrownBy(() -> trainer.train(List.of(noTargets), List.of())).hasMessageContaining("no valid target");
    Patch other = new Patch(2, 8, 8, new float[128], new float[64], new float[64]);
    assertThatThrownBy(() -> trainer.train(List.of(noTargets, other), List.of())).hasMessageContaining("one size");
  }

  /** MAE of always predicting the mean valid training target. */
  private static double baselineMae(List<Patch> train, List<Patch> validation) {
    RegressionMetrics.Accumulator mean = new RegressionMetrics.Accumulator();
    double sum = 0;
    long n = 0;
    for (Patch p : train) {
      for (int i = 0; i < p.pixels(); i++) {
        if (p.mask()[i] > 0) {
          sum += p.target()[i];
          n++;
        }
      }
    }
    for (Patch p : validation) {
      for (int i = 0; i < p.pixels(); i++) {
        if (p.mask()[i] > 0) {
          mean.add(sum / n, p.target()[i]);
        }
      }
    }
    return mean.result().mae();
  }

  private static List<Patch> withMissingInputs(List<Patch> patches, double fraction, long seed) {
    Random rng = new Random(seed);
    for (Patch p : patches) {
      for (int i = 0; i < p.input().length; i++) {
        if (rng.nextDouble() < fraction) {
          p.input()[i] = Float.NaN;
        }
      }
    }
    return patches;
  }
}

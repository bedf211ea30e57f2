package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pieces of the loop that need no network: plateau schedule, batches, batch sizes, predictions. */
class SchedulingTest {

  @Test
  void plateauHalvesTheRateAfterPatienceEpochsWithoutImprovementDownToTheMinimum() {
    PlateauLearningRate rate = new PlateauLearningRate(1e-3, PlateauLearningRate.Settings.keras(0.5, 3, 2e-4));
    // improvements (by more than min_delta 1e-4) keep the rate
    assertThat(List.of(rate.onEpochEnd(1.0), rate.onEpochEnd(0.9), rate.onEpochEnd(0.8))).containsOnly(false);
    // 0.79995 is not better than 0.8 - 1e-4: no improvement, waits 1, 2, then reduces on the 3rd
    assertThat(List.of(rate.onEpochEnd(0.79995), rate.onEpochEnd(0.85), rate.onEpochEnd(0.81)))
        .containsExactly(false, false, true);
    assertThat(rate.learningRate()).isEqualTo(5e-4f);
    for (int i = 0; i < 3; i++) {
      rate.onEpochEnd(0.9);
    }
    assertThat(rate.learningRate()).isEqualTo(2.5e-4f);
    for (int i = 0; i < 3; i++) {
      rate.onEpochEnd(0.9);
    }
    assertThat(rate.learningRate()).isEqualTo(2e-4f); // max(1.25e-4, min)
    for (int i = 0; i < 9; i++) {
      assertThat(rate.onEpochEnd(0.9)).isFalse(); // at the minimum: no further change
    }
    assertThat(rate.getNewValue(123)).isEqualTo(2e-4f);
  }

  @Test
  void epochsArePermutationsCutIntoBatchesAndSeedsRepeat() {
    EpochBatches a = new EpochBatches(10, 3, 7);
    EpochBatches b = new EpochBatches(10, 3, 7);
    int[][] first = a.nextEpoch();
    assertThat(first).hasNumberOfRows(4);
    assertThat(first[3]).hasSize(1); // 3 + 3 + 3 + 1
    Set<Integer> seen = new HashSet<>();
    for (int[] batch : first) {
      for (int i : batch) {
        assertThat(seen.add(i)).isTrue();
      }
    }
    assertThat(seen).hasSize(10);
    assertThat(b.nextEpoch()).isDeepEqualTo(first);
    assertThat(Arrays.deepEquals(a.nextEpoch(), first)).isFalse(); // reshuffled every epoch
  }

  @Test
  void batchSizesFollowTheReferenceCode() {
    // int(min(N / 10, 16)) for MLP and FCN, int(min(N / 10, 64)) for ResNet, 64 for InceptionTime
    assertThat(Architecture.FCN.batchSize(30)).isEqualTo(3);
    assertThat(Architecture.FCN.batchSize(1000)).isEqualTo(16);
    assertThat(Architecture.MLP.batchSize(300)).isEqualTo(16);
    assertThat(Architecture.RESNET.batchSize(300)).isEqualTo(30);
    assertThat(Architecture.RESNET.batchSize(1000)).isEqualTo(64);
    assertThat(Architecture.INCEPTION_TIME.batchSize(30)).isEqualTo(64);
    assertThat(Architecture.FCN.batchSize(5)).isEqualTo(1);
    assertThat(TrainingProfile.PAPER.epochs(Architecture.FCN)).isEqualTo(2000);
    assertThat(TrainingProfile.QUICK.epochs(Architecture.RESNET)).isEqualTo(75);
    assertThat(Architecture.parse("inception_time")).isEqualTo(Architecture.INCEPTION_TIME);
    assertThat(Architecture.parse("ResNet").ensembleSize()).isEqualTo(1);
  }

  @Test
  void ensemblesAverageProbabilities() {
    Predictions a = new Predictions(new float[][] {{0.6f, 0.4f}, {0.2f, 0.8f}});
    Predictions b = new Predictions(new float[][] {{0.2f, 0.8f}, {0.4f, 0.6f}});
    Predictions mean = Predictions.average(List.of(a, b));
    assertThat(mean.probabilities()[0]).containsExactly(0.4f, 0.6f);
    assertThat(mean.classes()).containsExactly(1, 1);
    assertThat(mean.accuracy(new int[] {1, 0})).isEqualTo(0.5);
  }
}

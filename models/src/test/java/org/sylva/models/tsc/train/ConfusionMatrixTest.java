package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sylva.models.tsc.data.ClassLabels;
import org.sylva.models.tsc.data.TimeSeriesDataset;

class ConfusionMatrixTest {

  private static final List<String> CLASSES = List.of("1", "2", "3");

  @Test
  void countsEachCaseUnderItsTrueAndPredictedClass() {
    ConfusionMatrix m = ConfusionMatrix.of(CLASSES, new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 2, 0});
    assertThat(m.counts()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
    assertThat(m.total()).isEqualTo(6);
    assertThat(m.accuracy()).isEqualTo(4 / 6.0);
  }

  @Test
  void agreesWithTheAccuracyOfThePredictionsItCounts() {
    float[][] probabilities = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.5f, 0.4f}, {0.3f, 0.3f, 0.4f}, {0.6f, 0.3f, 0.1f}};
    int[] labels = {0, 2, 2, 1};
    float[][][] series = new float[labels.length][1][2];
    TimeSeriesDataset test = new TimeSeriesDataset("toy/TEST", series, labels, new ClassLabels(CLASSES));
    Predictions predictions = new Predictions(probabilities);
    ConfusionMatrix m = predictions.confusion(test);
    assertThat(m.accuracy()).isEqualTo(predictions.accuracy(labels)).isEqualTo(0.5);
    assertThat(m.count(2, 1)).isOne(); // case 1: class 3 taken for class 2
    assertThat(m.count(1, 0)).isOne(); // case 3: class 2 taken for class 1
  }

  @Test
  void sumsRunsCellByCellAndRefusesOtherClasses() {
    ConfusionMatrix a = ConfusionMatrix.of(CLASSES, new int[] {0, 1}, new int[] {0, 2});
    ConfusionMatrix b = ConfusionMatrix.of(CLASSES, new int[] {1, 1}, new int[] {2, 1});
    assertThat(ConfusionMatrix.sum(List.of(a, b)).counts()).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 2}, {0, 0, 0}});
    ConfusionMatrix other = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0}, new int[] {0});
    assertThatThrownBy(() -> ConfusionMatrix.sum(List.of(a, other))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 2, 3]").hasMessageContaining("[a, b, c]");
  }

  @Test
  void isAValueThatItsCallersCannotChange() {
    int[][] counts = {{2, 0}, {1, 3}};
    ConfusionMatrix m = new ConfusionMatrix(List.of("x", "y"), counts);
    counts[0][0] = 99;
    m.counts()[1][1] = 99;
    assertThat(m.count(0, 0)).isEqualTo(2);
    assertThat(m.count(1, 1)).isEqualTo(3);
    assertThat(m).isEqualTo(new ConfusionMatrix(List.of("x", "y"), new int[][] {{2, 0}, {1, 3}}));
    assertThatThrownBy(() -> new ConfusionMatrix(List.of("x", "y"), new int[][] {{1, 2, 3}, {4, 5, 6}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns for 2 classes");
  }
}

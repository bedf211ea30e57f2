package org.sylva.models.tsc.train;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Test cases counted by true class (rows) and predicted class (columns): which classes a classifier
 * confuses, where an accuracy alone only says how often.
 *
 * @param classes class names, the order of rows and columns
 * @param counts {@code counts[true][predicted]}
 */
public record ConfusionMatrix(List<String> classes, int[][] counts) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ConfusionMatrix {
    classes = List.copyOf(classes);
    if (counts.length != classes.size()) {
      throw new IllegalArgumentException(counts.length + " rows for " + classes.size() + " classes");
    }
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != classes.size()) {
        throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns for " + classes.size()
            + " classes");
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /** Counts {@code labels[i]} against {@code predicted[i]}; both are class indices into {@code classes}. */
  public static ConfusionMatrix of(List<String> classes, int[] labels, int[] predicted) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(labels.length + " labels for " + predicted.length + " predictions");
    }
    int[][] counts = new int[classes.size()][classes.size()];
    for (int i = 0; i < labels.length; i++) {
      counts[labels[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(classes, counts);
  }

  /** The cell-wise sum of matrices over the same classes, e.g. of several runs. */
  public static ConfusionMatrix sum(List<ConfusionMatrix> matrices) {
    List<String> classes = matrices.get(0).classes();
    int[][] total = new int[classes.size()][classes.size()];
    for (ConfusionMatrix m : matrices) {
      if (!m.classes().equals(classes)) {
        throw new IllegalArgumentException("cannot add confusion matrices over " + classes + " and " + m.classes());
      }
      for (int i = 0; i < total.length; i++) {
        for (int j = 0; j < total.length; j++) {
          total[i][j] += m.counts[i][j];
        }
      }
    }
    return new ConfusionMatrix(classes, total);
  }

  public int count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  public int total() {
    return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
  }

  /** Cases on the diagonal over all cases. */
  public double accuracy() {
    int correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    return correct / (double) total();
  }

  @Override
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  // Arrays compare by content, so Beam's coder checks see decoded copies as equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && classes.equals(m.classes) && Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix[classes=" + classes + ", counts=" + Arrays.deepToString(counts) + "]";
  }
}

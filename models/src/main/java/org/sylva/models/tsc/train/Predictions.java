package org.sylva.models.tsc.train;

import org.sylva.models.tsc.data.TimeSeriesDataset;

/**
 * Class probabilities for each case ({@code probabilities[case][class]}, softmax outputs) and what follows
 * from them.
 */
public record Predictions(float[][] probabilities) {

  /** The most probable class of each case (the first one on ties, like {@code numpy.argmax}). */
  public int[] classes() {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < out.length; i++) {
      float[] p = probabilities[i];
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** Fraction of cases whose most probable class is the label. */
  public double accuracy(int[] labels) {
    if (labels.length != probabilities.length) {
      throw new IllegalArgumentException(labels.length + " labels for " + probabilities.length + " predictions");
    }
    int[] predicted = classes();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return correct / (double) labels.length;
  }

  /** The cases of {@code data} (in this order) counted by their label and their most probable class. */
  public ConfusionMatrix confusion(TimeSeriesDataset data) {
    return ConfusionMatrix.of(data.classes().names(), data.labels(), classes());
  }

  /** The mean of several models' probabilities: how InceptionTime's ensemble predicts. */
  public static Predictions average(java.util.List<Predictions> members) {
    int n = members.get(0).probabilities.length;
    int k = members.get(0).probabilities[0].length;
    float[][] mean = new float[n][k];
    for (Predictions m : members) {
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < k; c++) {
          mean[i][c] += m.probabilities[i][c] / members.size();
        }
      }
    }
    return new Predictions(mean);
  }
}

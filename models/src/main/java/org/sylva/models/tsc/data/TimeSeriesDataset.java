package org.sylva.models.tsc.data;

import java.util.Arrays;

/**
 * A preprocessed, equal-length split ready for a network: {@code series[case][channel][time]} and the class
 * index of each case. The arrays are shared, not copied (datasets are large and never modified after
 * preprocessing); treat them as read-only.
 *
 * @param name e.g. {@code "CBF/TRAIN"}, for messages and reports
 * @param series values, all cases with the same number of channels and the same length
 * @param labels class index of each case, in {@code 0..classes.size()-1}
 * @param classes the label names (shared by the train and test split of one dataset)
 */
public record TimeSeriesDataset(String name, float[][][] series, int[] labels, ClassLabels classes) {

  public TimeSeriesDataset {
    if (series.length != labels.length) {
      throw new IllegalArgumentException(name + ": " + series.length + " series but " + labels.length + " labels");
    }
    if (series.length == 0) {
      throw new IllegalArgumentException(name + ": no cases");
    }
    int channels = series[0].length;
    int length = series[0][0].length;
    for (float[][] s : series) {
      if (s.length != channels || Arrays.stream(s).anyMatch(c -> c.length != length)) {
        throw new IllegalArgumentException(name + ": cases differ in channels or length");
      }
    }
    for (int label : labels) {
      if (label < 0 || label >= classes.size()) {
        throw new IllegalArgumentException(name + ": label index " + label + " outside 0.." + (classes.size() - 1));
      }
    }
  }

  public int size() {
    return series.length;
  }

  public int channels() {
    return series[0].length;
  }

  public int length() {
    return series[0][0].length;
  }

  public int classCount() {
    return classes.size();
  }

  /** Number of cases of each class. */
  public int[] classCounts() {
    int[] counts = new int[classes.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }
}

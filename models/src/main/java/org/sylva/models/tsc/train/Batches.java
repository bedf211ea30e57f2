package org.sylva.models.tsc.train;

import org.sylva.models.tsc.data.TimeSeriesDataset;

/** Packs cases of a dataset into the flat {@code (batch, channels, time)} arrays a network reads. */
final class Batches {

  private Batches() {}

  static void copyCase(float[][] series, float[] target, int offset) {
    int length = series[0].length;
    for (int c = 0; c < series.length; c++) {
      System.arraycopy(series[c], 0, target, offset + c * length, length);
    }
  }

  /** Values of the cases {@code indices}, flattened as {@code (batch, channels, time)}. */
  static float[] values(TimeSeriesDataset data, int[] indices) {
    int stride = data.channels() * data.length();
    float[] out = new float[indices.length * stride];
    for (int b = 0; b < indices.length; b++) {
      copyCase(data.series()[indices[b]], out, b * stride);
    }
    return out;
  }

  /** One-hot targets of the cases {@code indices}, flattened as {@code (batch, classes)}. */
  static float[] oneHot(TimeSeriesDataset data, int[] indices) {
    int k = data.classCount();
    float[] out = new float[indices.length * k];
    for (int b = 0; b < indices.length; b++) {
      out[b * k + data.labels()[indices[b]]] = 1;
    }
    return out;
  }
}

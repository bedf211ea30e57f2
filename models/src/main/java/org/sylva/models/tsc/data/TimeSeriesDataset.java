package org.sylva.models.tsc.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.sylva.models.io.Sha256;

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

  /**
   * SHA-256 (hex) of the class names, labels and values, bit for bit: equal digests mean the same data, so a
   * checkpoint or a kept result can tell whether it was made from this data.
   */
  public String contentDigest() {
    MessageDigest digest = Sha256.newDigest();
    digest.update(String.join("\n", classes.names()).getBytes(StandardCharsets.UTF_8));
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * length());
    for (int i = 0; i < series.length; i++) {
      for (float[] channel : series[i]) {
        buffer.clear();
        buffer.putInt(labels[i]);
        buffer.asFloatBuffer().put(channel);
        digest.update(buffer.array(), 0, 4 + 4 * channel.length);
      }
    }
    return Sha256.hex(digest);
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

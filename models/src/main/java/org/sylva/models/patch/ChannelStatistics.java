package org.sylva.models.patch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Per-band mean and standard deviation used to normalise network inputs, {@code (x − mean) / std}.
 * Computed on the training split only (so validation and test data never leak into the model) and stored
 * with the model. NaN values and an optional nodata value are ignored. A band that is constant (or has no
 * valid value) gets std 1 so normalisation never divides by zero.
 *
 * <p>After normalisation, missing values (NaN) are replaced by 0, i.e. the band mean: the network sees an
 * uninformative but in-distribution value; {@link #normalise} does both.
 */
public record ChannelStatistics(double[] mean, double[] std) {

  @JsonCreator
  public ChannelStatistics(@JsonProperty("mean") double[] mean, @JsonProperty("std") double[] std) {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("normalisation needs as many means as stds (>= 1), got " + mean.length + "/" + std.length);
    }
    for (int b = 0; b < std.length; b++) {
      if (!(std[b] > 0) || !Double.isFinite(mean[b])) {
        throw new IllegalArgumentException("band " + b + " has mean " + mean[b] + ", std " + std[b] + ": need finite mean, std > 0");
      }
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  public int channels() {
    return mean.length;
  }

  /**
   * Statistics over the inputs of {@code patches}, skipping NaN and values equal to {@code nodata} (pass NaN
   * when there is no nodata value). Sums are accumulated in double with a shifted (first-value) origin, so
   * large offsets such as reflectance×10⁴ keep full precision.
   */
  public static ChannelStatistics of(List<Patch> patches, float nodata) {
    if (patches.isEmpty()) {
      throw new IllegalArgumentException("cannot compute normalisation statistics from an empty training set");
    }
    int channels = patches.get(0).channels();
    double[] shift = new double[channels];
    boolean[] shifted = new boolean[channels];
    double[] sum = new double[channels];
    double[] sumSq = new double[channels];
    long[] count = new long[channels];
    for (Patch p : patches) {
      if (p.channels() != channels) {
        throw new IllegalArgumentException("patches mix " + channels + " and " + p.channels() + " bands");
      }
      int pixels = p.pixels();
      float[] in = p.input();
      for (int b = 0; b < channels; b++) {
        for (int i = b * pixels, end = i + pixels; i < end; i++) {
          float v = in[i];
          if (Float.isNaN(v) || v == nodata) {
            continue;
          }
          if (!shifted[b]) {
            shift[b] = v;
            shifted[b] = true;
          }
          double d = v - shift[b];
          sum[b] += d;
          sumSq[b] += d * d;
          count[b]++;
        }
      }
    }
    double[] mean = new double[channels];
    double[] std = new double[channels];
    for (int b = 0; b < channels; b++) {
      if (count[b] == 0) {
        mean[b] = 0;
        std[b] = 1;
        continue;
      }
      double m = sum[b] / count[b];
      double variance = Math.max(0, sumSq[b] / count[b] - m * m);
      mean[b] = shift[b] + m;
      std[b] = variance > 0 ? Math.sqrt(variance) : 1;
    }
    return new ChannelStatistics(mean, std);
  }

  /**
   * Normalises band-sequential values in place: {@code (v − mean)/std}, NaN (missing) → 0. {@code pixels} is
   * the number of values per band; {@code values.length} must be a multiple of {@code channels × pixels}
   * (a batch of samples one after the other).
   */
  public void normalise(float[] values, int pixels) {
    int channels = channels();
    if (values.length % ((long) channels * pixels) != 0) {
      throw new IllegalArgumentException(values.length + " values are not whole samples of " + channels + "x" + pixels);
    }
    float[] m = new float[channels];
    float[] inv = new float[channels];
    for (int b = 0; b < channels; b++) {
      m[b] = (float) mean[b];
      inv[b] = (float) (1 / std[b]);
    }
    for (int start = 0; start < values.length; start += channels * pixels) {
      for (int b = 0; b < channels; b++) {
        for (int i = start + b * pixels, end = i + pixels; i < end; i++) {
          float v = values[i];
          values[i] = Float.isNaN(v) ? 0f : (v - m[b]) * inv[b];
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelStatistics s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "ChannelStatistics[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }
}

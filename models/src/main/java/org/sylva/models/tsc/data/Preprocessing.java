package org.sylva.models.tsc.data;

import java.util.Arrays;
import java.util.List;

/**
 * Turns the raw cases of a train and a test file into equal-length datasets, in this order, per case and
 * per dimension:
 *
 * <ol>
 *   <li><b>Missing values</b> ({@code NaN}, {@code ?}): interior gaps are filled by linear interpolation
 *       between the nearest observed values, leading and trailing gaps by the nearest observed value (edge
 *       fill). This is the rule of the UCR 2018 archive's "adjusted" versions of its missing-value datasets
 *       (linear interpolation), which dl-4-tsc and sktime users train on.</li>
 *   <li><b>z-normalisation</b> (optional, on by default): each series minus its mean, divided by its
 *       population standard deviation; a constant series becomes zeros (dl-4-tsc's {@code std == 0 -> 1}).
 *       The UCR archive's datasets are mostly stored z-normalised already; this makes the rest alike.</li>
 *   <li><b>Length</b>: every series is brought to the longest length found in the train <em>and</em> test
 *       files (dl-4-tsc's {@code get_func_length} over both) by the {@link LengthPolicy}.</li>
 * </ol>
 *
 * <p>Class indices come from the training labels only ({@link ClassLabels#of}); a test label that does not
 * occur in training is an error naming the test file and line, since no classifier could predict it.
 */
public record Preprocessing(boolean zNormalise, LengthPolicy lengthPolicy) {

  /** z-normalised, resampled to the longest length: the default of {@code sylva tsc}. */
  public static Preprocessing defaults() {
    return new Preprocessing(true, LengthPolicy.RESAMPLE);
  }

  public TrainTestSplit apply(String dataset, RawSplit train, RawSplit test) throws TscFormatException {
    if (train.channels() != test.channels()) {
      throw new TscFormatException(test.file(), test.cases().get(0).line(), test.channels()
          + " dimensions, but the training file " + train.file().getFileName() + " has " + train.channels());
    }
    ClassLabels classes = ClassLabels.of(train.cases().stream().map(RawSeries::label).toList());
    int length = 0;
    for (RawSplit split : List.of(train, test)) {
      for (RawSeries c : split.cases()) {
        length = Math.max(length, c.maxLength());
      }
    }
    return new TrainTestSplit(dataset,
        toDataset(dataset + "/TRAIN", train, classes, length, null),
        toDataset(dataset + "/TEST", test, classes, length, train));
  }

  private TimeSeriesDataset toDataset(String name, RawSplit split, ClassLabels classes, int length, RawSplit train)
      throws TscFormatException {
    List<RawSeries> cases = split.cases();
    float[][][] series = new float[cases.size()][][];
    int[] labels = new int[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      RawSeries c = cases.get(i);
      labels[i] = classes.indexOf(c.label());
      if (labels[i] < 0) {
        throw new TscFormatException(split.file(), c.line(), "class label '" + c.label()
            + "' does not occur in the training file " + train.file().getFileName() + " (classes " + classes.names() + ")");
      }
      series[i] = new float[c.channels().length][];
      for (int d = 0; d < c.channels().length; d++) {
        series[i][d] = toFloat(equalise(normalise(fillMissing(c.channels()[d])), length));
      }
    }
    return new TimeSeriesDataset(name, series, labels, classes);
  }

  private double[] normalise(double[] values) {
    return zNormalise ? zNormalised(values) : values;
  }

  private double[] equalise(double[] values, int length) {
    if (values.length == length) {
      return values;
    }
    return lengthPolicy == LengthPolicy.RESAMPLE ? resampled(values, length) : zeroPadded(values, length);
  }

  /** Interior gaps linearly interpolated, leading/trailing gaps filled with the nearest observed value. */
  public static double[] fillMissing(double[] values) {
    double[] out = values.clone();
    int previous = -1;
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        continue;
      }
      if (previous < 0) {
        Arrays.fill(out, 0, i, out[i]);
      } else if (i - previous > 1) {
        double step = (out[i] - out[previous]) / (i - previous);
        for (int j = previous + 1; j < i; j++) {
          out[j] = out[previous] + step * (j - previous);
        }
      }
      previous = i;
    }
    if (previous < 0) {
      throw new IllegalArgumentException("a series without any observed value");
    }
    Arrays.fill(out, previous + 1, out.length, out[previous]);
    return out;
  }

  /** {@code (x - mean) / std} with the population standard deviation; zeros for a constant series. */
  public static double[] zNormalised(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(var / values.length);
    double scale = std == 0 ? 1 : std;
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (values[i] - mean) / scale;
    }
    return out;
  }

  /** Linear interpolation onto {@code length} points spanning the first to the last sample. */
  public static double[] resampled(double[] values, int length) {
    double[] out = new double[length];
    if (values.length == 1 || length == 1) {
      Arrays.fill(out, values[0]);
      return out;
    }
    double scale = (values.length - 1) / (double) (length - 1);
    for (int i = 0; i < length; i++) {
      double x = i * scale;
      int lo = Math.min((int) Math.floor(x), values.length - 2);
      double t = x - lo;
      out[i] = values[lo] + t * (values[lo + 1] - values[lo]);
    }
    return out;
  }

  /** The values followed by zeros up to {@code length}. */
  public static double[] zeroPadded(double[] values, int length) {
    return Arrays.copyOf(values, length);
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}

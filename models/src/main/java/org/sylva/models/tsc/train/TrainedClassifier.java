package org.sylva.models.tsc.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.sylva.models.tsc.data.TimeSeriesDataset;

/**
 * A trained network (with the weights of its best training epoch) that predicts class probabilities.
 * Holds native memory: close it. Not thread-safe.
 */
public final class TrainedClassifier implements AutoCloseable {

  static final int PREDICTION_BATCH = 256;

  private final Model model;
  private final TrainingHistory history;

  TrainedClassifier(Model model, TrainingHistory history) {
    this.model = model;
    this.history = history;
  }

  public TrainingHistory history() {
    return history;
  }

  /** Softmax probabilities for every case of {@code data}, in inference mode (running BN statistics, no dropout). */
  public Predictions predict(TimeSeriesDataset data) {
    int n = data.size();
    int channels = data.channels();
    int length = data.length();
    float[][] probabilities = new float[n][];
    ParameterStore store = new ParameterStore(model.getNDManager(), false);
    ThreadGradients.disable();
    for (int start = 0; start < n; start += PREDICTION_BATCH) {
      int end = Math.min(n, start + PREDICTION_BATCH);
      float[] values = new float[(end - start) * channels * length];
      for (int i = start; i < end; i++) {
        Batches.copyCase(data.series()[i], values, (i - start) * channels * length);
      }
      try (NDManager manager = model.getNDManager().newSubManager()) {
        NDArray x = manager.create(values, new Shape(end - start, channels, length));
        NDArray logits = model.getBlock().forward(store, new NDList(x), false).singletonOrThrow();
        float[] p = logits.softmax(1).toFloatArray();
        int k = (int) logits.getShape().get(1);
        for (int i = start; i < end; i++) {
          probabilities[i] = java.util.Arrays.copyOfRange(p, (i - start) * k, (i - start + 1) * k);
        }
      }
    }
    return new Predictions(probabilities);
  }

  /** The underlying DJL model (for saving). */
  public Model model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}

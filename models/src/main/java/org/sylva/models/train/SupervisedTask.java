package org.sylva.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.Map;
import java.util.Random;

/**
 * What a {@link TrainingLoop} trains: a network, its loss, how to assemble training batches and how to
 * score the validation data. Keeps the loop independent of the data (patches, time series...) and of the
 * network.
 */
public interface SupervisedTask {

  /** The network to train. */
  Block block();

  /** Shape of one input batch, used to initialise the parameters (batch size may be 1). */
  Shape inputShape();

  Loss loss();

  /** Number of training samples. */
  int trainingSize();

  /**
   * The training samples {@code indices} as one batch, created in {@code manager}. When {@code augment}, draw
   * random augmentation from {@code rng} only (the loop seeds it per epoch, which keeps runs reproducible).
   */
  Batch trainingBatch(NDManager manager, int[] indices, Random rng, boolean augment);

  /** Number of validation samples; 0 makes the loop monitor the training loss instead. */
  int validationSize();

  /**
   * Scores the validation data with the block in inference mode, e.g. {@code {"val_mae": 2.1}}; empty when
   * there is no validation data. Arrays must be created in {@code manager}.
   */
  Map<String, Double> validate(NDManager manager, ParameterStore parameters, int batchSize);

  /**
   * Metric watched for early stopping and best-epoch selection; must be a key of {@link #validate}'s result.
   * Without validation data the loop watches {@value TrainingLoop#TRAIN_LOSS} instead.
   */
  String monitoredMetric();

  /** Whether larger values of the monitored metric are better (accuracy) or worse (error). */
  default boolean higherIsBetter() {
    return false;
  }

  /** A batch of network inputs and the labels the loss compares the network output with. */
  record Batch(NDList inputs, NDList labels) implements AutoCloseable {
    @Override
    public void close() {
      inputs.close();
      labels.close();
    }
  }
}

package org.sylva.models.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.models.metrics.RegressionMetrics;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.patch.Dihedral;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.SupervisedTask;

/**
 * Canopy-height regression as a {@link SupervisedTask}: U-Net on normalised patches, masked loss on the
 * valid target pixels, dihedral augmentation, validation MAE/RMSE/bias/R² over the valid pixels of the
 * validation patches ({@code val_mae} is monitored). Patches stay raw and are normalised batch by batch,
 * so the training set is held in memory once; all patches must share one size so they batch together.
 */
final class HeightRegressionTask implements SupervisedTask {

  static final String MONITORED = "val_mae";

  private final UNet network;
  private final MaskedLoss loss;
  private final List<Patch> train;
  private final List<Patch> validation;
  private final Normaliser normaliser;
  private final int channels;
  private final int height;
  private final int width;

  HeightRegressionTask(UNet network, MaskedLoss loss, List<Patch> train, List<Patch> validation,
      ChannelStatistics statistics, Float nodata) {
    this.network = network;
    this.loss = loss;
    this.train = List.copyOf(train);
    this.validation = List.copyOf(validation);
    this.normaliser = new Normaliser(statistics, nodata);
    Patch first = train.get(0);
    this.channels = first.channels();
    this.height = first.height();
    this.width = first.width();
  }

  /** Turns raw inputs into network inputs: nodata → NaN, then {@link ChannelStatistics#normalise} (NaN → 0). */
  record Normaliser(ChannelStatistics statistics, Float nodata) {

    /** Normalises {@code values} (whole samples, band-sequential, {@code pixels} per band) in place. */
    void apply(float[] values, int pixels) {
      if (nodata != null && !nodata.isNaN()) {
        for (int i = 0; i < values.length; i++) {
          if (values[i] == nodata) {
            values[i] = Float.NaN;
          }
        }
      }
      statistics.normalise(values, pixels);
    }
  }

  @Override
  public Block block() {
    return network;
  }

  @Override
  public Shape inputShape() {
    return new Shape(1, channels, height, width);
  }

  @Override
  public Loss loss() {
    return loss;
  }

  @Override
  public int trainingSize() {
    return train.size();
  }

  @Override
  public int validationSize() {
    return validation.size();
  }

  @Override
  public String monitoredMetric() {
    return MONITORED;
  }

  @Override
  public Batch trainingBatch(NDManager manager, int[] indices, Random rng, boolean augment) {
    int n = indices.length;
    int pixels = height * width;
    float[] inputs = new float[n * channels * pixels];
    float[] targets = new float[n * pixels];
    float[] masks = new float[n * pixels];
    for (int i = 0; i < n; i++) {
      Patch p = train.get(indices[i]);
      if (augment) {
        p = Dihedral.random(p, rng);
      }
      System.arraycopy(p.input(), 0, inputs, i * channels * pixels, channels * pixels);
      copyLabels(p, targets, masks, i * pixels);
    }
    normaliser.apply(inputs, pixels);
    Shape labelShape = new Shape(n, 1, height, width);
    return new Batch(new NDList(manager.create(inputs, new Shape(n, channels, height, width))),
        new NDList(manager.create(targets, labelShape), manager.create(masks, labelShape)));
  }

  @Override
  public Map<String, Double> validate(NDManager manager, ParameterStore parameters, int batchSize) {
    RegressionMetrics m = evaluate(network, parameters, manager, validation, normaliser, batchSize).accuracy().overall();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(MONITORED, m.mae());
    metrics.put("val_rmse", m.rmse());
    metrics.put("val_bias", m.bias());
    metrics.put("val_r2", m.r2());
    return metrics;
  }

  /**
   * Predicts raw patches in inference mode and pairs each valid target pixel (positive mask, finite target)
   * with its prediction.
   */
  static HeightEvaluation evaluate(UNet network, ParameterStore parameters, NDManager manager, List<Patch> patches,
      Normaliser normaliser, int batchSize) {
    long valid = 0;
    for (Patch p : patches) {
      for (int j = 0; j < p.pixels(); j++) {
        valid += isTarget(p, j) ? 1 : 0;
      }
    }
    float[] predicted = new float[Math.toIntExact(valid)];
    float[] reference = new float[predicted.length];
    int k = 0;
    for (int start = 0, end; start < patches.size(); start = end) {
      // A batch holds up to batchSize consecutive patches of the same size.
      Patch first = patches.get(start);
      end = start + 1;
      while (end < patches.size() && end - start < batchSize && sameSize(first, patches.get(end))) {
        end++;
      }
      List<Patch> batch = patches.subList(start, end);
      int plane = first.channels() * first.pixels();
      float[] inputs = new float[batch.size() * plane];
      for (int i = 0; i < batch.size(); i++) {
        System.arraycopy(batch.get(i).input(), 0, inputs, i * plane, plane);
      }
      normaliser.apply(inputs, first.pixels());
      float[] out;
      try (NDManager scratch = manager.newSubManager()) {
        NDArray x = scratch.create(inputs, new Shape(batch.size(), first.channels(), first.height(), first.width()));
        out = network.forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
      }
      for (int i = 0; i < batch.size(); i++) {
        Patch p = batch.get(i);
        for (int j = 0; j < p.pixels(); j++) {
          if (isTarget(p, j)) {
            predicted[k] = out[i * p.pixels() + j];
            reference[k] = p.target()[j];
            k++;
          }
        }
      }
    }
    return HeightEvaluation.of(predicted, reference);
  }

  /** Copies target and mask of {@code p} at {@code offset}; pixels without a valid target get target 0 and mask 0. */
  private static void copyLabels(Patch p, float[] targets, float[] masks, int offset) {
    for (int j = 0; j < p.pixels(); j++) {
      boolean valid = isTarget(p, j);
      targets[offset + j] = valid ? p.target()[j] : 0;
      masks[offset + j] = valid ? p.mask()[j] : 0;
    }
  }

  private static boolean isTarget(Patch p, int pixel) {
    return p.mask()[pixel] > 0 && Float.isFinite(p.target()[pixel]);
  }

  private static boolean sameSize(Patch a, Patch b) {
    return a.channels() == b.channels() && a.height() == b.height() && a.width() == b.width();
  }
}

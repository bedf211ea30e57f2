package org.sylva.pipelines.canopy.train;

import java.io.Serializable;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.train.TrainingOptions;
import org.sylva.models.unet.UNet;

/**
 * The U-Net and its training, the same for every variant (only the input bands differ): architecture,
 * optimiser and schedule, early stopping, augmentation, loss and seed. {@code torchThreads} fixes PyTorch's
 * intra-op threads per worker JVM: results are bit-identical only for the same thread count, so it is part of
 * the settings rather than left to the machine.
 */
public record ModelSettings(int depth, int baseWidth, double dropout, int epochs, int batchSize, double learningRate,
    double weightDecay, int patience, boolean augment, String loss, int torchThreads, long seed) implements Serializable {

  public ModelSettings {
    MaskedLoss.parse(loss); // validates
    if (torchThreads < 1) {
      throw new IllegalArgumentException("PyTorch threads must be >= 1, got " + torchThreads);
    }
    // Validate now, with one clear message, rather than on a worker (record fields are not set yet here).
    UNet.builder().inputChannels(1).depth(depth).baseWidth(baseWidth).dropout(dropout).toConfig();
    TrainingOptions.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate).weightDecay(weightDecay)
        .patience(patience).augment(augment).seed(seed).build();
  }

  /** The network shape (input channels and output scale are set by the trainer). */
  public UNet.Builder architecture() {
    return UNet.builder().inputChannels(1).depth(depth).baseWidth(baseWidth).dropout(dropout);
  }

  public TrainingOptions trainingOptions() {
    return TrainingOptions.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate)
        .weightDecay(weightDecay).patience(patience).augment(augment).seed(seed).build();
  }

  public MaskedLoss maskedLoss() {
    return MaskedLoss.parse(loss);
  }
}

package org.sylva.models.tsc.train;

import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Locale;
import org.sylva.models.tsc.nn.Fcn;
import org.sylva.models.tsc.nn.InceptionNetwork;
import org.sylva.models.tsc.nn.Mlp;
import org.sylva.models.tsc.nn.ResidualNetwork;

/**
 * The benchmarked classifiers with the training recipe of their reference code (dl-4-tsc
 * {@code classifiers/*.py}, hfawaz/InceptionTime): optimiser and initial learning rate, reduce-on-plateau
 * on the training loss, epochs, and mini-batch size {@code int(min(N / 10, cap))} (a fixed 64 for
 * InceptionTime). The model kept is the one with the lowest training loss (Keras {@code ModelCheckpoint(
 * monitor='loss', save_best_only=True)}).
 *
 * <table>
 *   <caption>Recipes</caption>
 *   <tr><th>model</th><th>optimiser</th><th>plateau (factor, patience, min lr)</th><th>epochs</th><th>batch</th></tr>
 *   <tr><td>MLP</td><td>Adadelta 1.0</td><td>0.5, 200, 0.1</td><td>5000</td><td>min(N/10, 16)</td></tr>
 *   <tr><td>FCN</td><td>Adam 1e-3</td><td>0.5, 50, 1e-4</td><td>2000</td><td>min(N/10, 16)</td></tr>
 *   <tr><td>ResNet</td><td>Adam 1e-3</td><td>0.5, 50, 1e-4</td><td>1500</td><td>min(N/10, 64)</td></tr>
 *   <tr><td>InceptionTime</td><td>Adam 1e-3</td><td>0.5, 50, 1e-4</td><td>1500</td><td>64, ensemble of 5</td></tr>
 * </table>
 */
public enum Architecture {
  MLP("MLP", OptimizerKind.ADADELTA, 1.0, PlateauLearningRate.Settings.keras(0.5, 200, 0.1), 5000, 16, true, 1),
  FCN("FCN", OptimizerKind.ADAM, 1e-3, PlateauLearningRate.Settings.keras(0.5, 50, 1e-4), 2000, 16, true, 1),
  RESNET("ResNet", OptimizerKind.ADAM, 1e-3, PlateauLearningRate.Settings.keras(0.5, 50, 1e-4), 1500, 64, true, 1),
  INCEPTION_TIME("InceptionTime", OptimizerKind.ADAM, 1e-3, PlateauLearningRate.Settings.keras(0.5, 50, 1e-4), 1500, 64,
      false, 5);

  private final String displayName;
  private final OptimizerKind optimizer;
  private final double learningRate;
  private final PlateauLearningRate.Settings plateau;
  private final int paperEpochs;
  private final int batchCap;
  private final boolean batchFromTrainSize;
  private final int ensembleSize;

  Architecture(String displayName, OptimizerKind optimizer, double learningRate, PlateauLearningRate.Settings plateau,
      int paperEpochs, int batchCap, boolean batchFromTrainSize, int ensembleSize) {
    this.displayName = displayName;
    this.optimizer = optimizer;
    this.learningRate = learningRate;
    this.plateau = plateau;
    this.paperEpochs = paperEpochs;
    this.batchCap = batchCap;
    this.batchFromTrainSize = batchFromTrainSize;
    this.ensembleSize = ensembleSize;
  }

  /** The name used in tables and on the command line: MLP, FCN, ResNet, InceptionTime. */
  public String displayName() {
    return displayName;
  }

  public OptimizerKind optimizer() {
    return optimizer;
  }

  public double learningRate() {
    return learningRate;
  }

  public PlateauLearningRate.Settings plateau() {
    return plateau;
  }

  public int paperEpochs() {
    return paperEpochs;
  }

  /** Networks trained independently and averaged (softmax outputs) into one prediction. */
  public int ensembleSize() {
    return ensembleSize;
  }

  /** The reference mini-batch size for a training set of {@code trainSize} cases (at least 1). */
  public int batchSize(int trainSize) {
    int size = batchFromTrainSize ? (int) Math.min(trainSize / 10.0, batchCap) : batchCap;
    return Math.max(1, size);
  }

  /** A freshly built network (one ensemble member) for the data's shape. */
  public Block network(int channels, int classes, long seed) {
    return switch (this) {
      case MLP -> Mlp.builder().classes(classes).seed(seed).build();
      case FCN -> Fcn.builder().classes(classes).build();
      case RESNET -> ResidualNetwork.builder().classes(classes).inputChannels(channels).build();
      case INCEPTION_TIME -> InceptionNetwork.builder().classes(classes).inputChannels(channels).build();
    };
  }

  /** Parses a display name, case-insensitively ({@code resnet}, {@code InceptionTime}, {@code inception_time}). */
  public static Architecture parse(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (Architecture a : values()) {
      if (a.displayName.toLowerCase(Locale.ROOT).equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown model '" + name + "' (known: "
        + String.join(", ", Arrays.stream(values()).map(Architecture::displayName).toList()) + ")");
  }
}

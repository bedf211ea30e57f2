package org.sylva.models.tsc.train;

/**
 * Everything the training loop needs to know besides the network and the data.
 *
 * @param epochs passes over the training set
 * @param batchSize cases per mini-batch
 * @param optimizer Adam or Adadelta
 * @param learningRate initial learning rate
 * @param plateau reduce-on-plateau schedule on the training loss
 */
public record TrainingSettings(int epochs, int batchSize, OptimizerKind optimizer, double learningRate,
    PlateauLearningRate.Settings plateau) {

  public TrainingSettings {
    if (epochs < 1 || batchSize < 1 || learningRate <= 0) {
      throw new IllegalArgumentException("epochs, batch size and learning rate must be positive: " + epochs + ", "
          + batchSize + ", " + learningRate);
    }
  }

  /** The reference recipe of {@code architecture} for {@code trainSize} cases, with the profile's epochs. */
  public static TrainingSettings of(Architecture architecture, TrainingProfile profile, int trainSize) {
    return new TrainingSettings(profile.epochs(architecture), architecture.batchSize(trainSize),
        architecture.optimizer(), architecture.learningRate(), architecture.plateau());
  }

  public TrainingSettings withEpochs(int newEpochs) {
    return new TrainingSettings(newEpochs, batchSize, optimizer, learningRate, plateau);
  }
}

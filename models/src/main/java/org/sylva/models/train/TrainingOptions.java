package org.sylva.models.train;

/**
 * Options of a {@link TrainingLoop}, recorded in model manifests and checkpoints. A checkpoint only resumes
 * under the same options (see {@link #compatibleForResume}).
 *
 * @param epochs maximum number of passes over the training set
 * @param batchSize samples per optimizer update
 * @param learningRate peak learning rate of AdamW
 * @param weightDecay decoupled weight decay of AdamW (PyTorch convention: {@code w ← w − lr·wd·w} each update)
 * @param schedule learning-rate schedule after warm-up
 * @param warmupEpochs epochs of linear learning-rate warm-up
 * @param finalLearningRateFraction cosine: final rate as a fraction of the peak
 * @param stepEpochs step schedule: epochs between decays
 * @param stepFactor step schedule: decay factor
 * @param patience early stopping: epochs without improvement of the monitored metric before stopping (0 = never stop early)
 * @param minDelta early stopping: smallest change that counts as an improvement
 * @param augment apply the task's random augmentation to training batches
 * @param seed seed of every random choice: initial weights, shuffling, augmentation, dropout
 */
public record TrainingOptions(
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    LearningRateSchedule.Kind schedule,
    int warmupEpochs,
    float finalLearningRateFraction,
    int stepEpochs,
    float stepFactor,
    int patience,
    double minDelta,
    boolean augment,
    long seed) {

  public TrainingOptions {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    if (warmupEpochs < 0 || warmupEpochs >= epochs) {
      throw new IllegalArgumentException("warm-up epochs must be in [0, epochs), got " + warmupEpochs);
    }
    if (stepEpochs < 1) {
      throw new IllegalArgumentException("step epochs must be >= 1, got " + stepEpochs);
    }
    if (patience < 0 || !(minDelta >= 0)) {
      throw new IllegalArgumentException("patience and minDelta must be >= 0, got " + patience + ", " + minDelta);
    }
    if (schedule == null) {
      throw new IllegalArgumentException("a learning-rate schedule must be given");
    }
    // Validates the rates and fractions.
    new LearningRateSchedule(schedule, learningRate, 1, 0, finalLearningRateFraction, 1, stepFactor);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The schedule for {@code updatesPerEpoch} optimizer updates per epoch. */
  public LearningRateSchedule scheduleFor(int updatesPerEpoch) {
    return new LearningRateSchedule(schedule, learningRate, epochs * updatesPerEpoch, warmupEpochs * updatesPerEpoch,
        finalLearningRateFraction, stepEpochs * updatesPerEpoch, stepFactor);
  }

  /** Whether a checkpoint written under {@code other} can be continued under these options. */
  public boolean compatibleForResume(TrainingOptions other) {
    return equals(other);
  }

  public Builder toBuilder() {
    return new Builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate).weightDecay(weightDecay)
        .schedule(schedule).warmupEpochs(warmupEpochs).finalLearningRateFraction(finalLearningRateFraction)
        .stepEpochs(stepEpochs).stepFactor(stepFactor).patience(patience).minDelta(minDelta).augment(augment).seed(seed);
  }

  /**
   * Builds {@link TrainingOptions}. Defaults: 50 epochs, batch 16, AdamW lr 1e-3 and weight decay 1e-4,
   * cosine schedule to 1% without warm-up, patience 10, augmentation on, seed 42.
   */
  public static final class Builder {
    private int epochs = 50;
    private int batchSize = 16;
    private float learningRate = 1e-3f;
    private float weightDecay = 1e-4f;
    private LearningRateSchedule.Kind schedule = LearningRateSchedule.Kind.COSINE;
    private int warmupEpochs;
    private float finalLearningRateFraction = 0.01f;
    private int stepEpochs = 10;
    private float stepFactor = 0.5f;
    private int patience = 10;
    private double minDelta;
    private boolean augment = true;
    private long seed = 42;

    private Builder() {}

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = (float) v;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = (float) v;
      return this;
    }

    public Builder schedule(LearningRateSchedule.Kind v) {
      schedule = v;
      return this;
    }

    public Builder warmupEpochs(int v) {
      warmupEpochs = v;
      return this;
    }

    public Builder finalLearningRateFraction(double v) {
      finalLearningRateFraction = (float) v;
      return this;
    }

    public Builder stepEpochs(int v) {
      stepEpochs = v;
      return this;
    }

    public Builder stepFactor(double v) {
      stepFactor = (float) v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder minDelta(double v) {
      minDelta = v;
      return this;
    }

    public Builder augment(boolean v) {
      augment = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public TrainingOptions build() {
      return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, schedule, warmupEpochs,
          finalLearningRateFraction, stepEpochs, stepFactor, patience, minDelta, augment, seed);
    }
  }
}

package org.sylva.models.tsc.train;

import java.util.List;

/**
 * The outcome of training one classifier (or one ensemble) on a dataset's training split and testing it
 * on its test split.
 *
 * @param architecture the classifier
 * @param settings the recipe it trained with
 * @param testAccuracy fraction of test cases classified right
 * @param predictions test-set probabilities (the ensemble mean for InceptionTime)
 * @param confusion test cases by true and predicted class
 * @param members one training history per trained network (5 for InceptionTime, else 1)
 */
public record ExperimentResult(Architecture architecture, TrainingSettings settings, double testAccuracy,
    Predictions predictions, ConfusionMatrix confusion, List<TrainingHistory> members) {

  public ExperimentResult {
    members = List.copyOf(members);
  }

  /** Total training time of all members, seconds. */
  public double trainSeconds() {
    return members.stream().mapToDouble(TrainingHistory::seconds).sum();
  }
}

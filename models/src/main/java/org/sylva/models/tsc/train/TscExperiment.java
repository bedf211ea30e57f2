package org.sylva.models.tsc.train;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sylva.models.tsc.Seeds;
import org.sylva.models.tsc.data.TrainTestSplit;

/**
 * Trains a classifier on a dataset's training split and measures its accuracy on the test split, as one
 * cell of the benchmark does. An ensemble architecture (InceptionTime) trains its members one after the
 * other, each with its own derived seed, and averages their softmax outputs.
 */
public final class TscExperiment {

  private TscExperiment() {}

  /**
   * Runs {@code architecture} on {@code data}.
   *
   * @param settings the training recipe (see {@link TrainingSettings#of})
   * @param seed base seed; member {@code m} trains with {@code Seeds.derive(seed, "member", m)}
   * @param listener told about every epoch of every member
   */
  public static ExperimentResult run(Architecture architecture, TrainTestSplit data, TrainingSettings settings,
      long seed, EpochListener listener) {
    return run(architecture, data, settings, seed, listener, null, Duration.ZERO);
  }

  /**
   * As {@link #run(Architecture, TrainTestSplit, TrainingSettings, long, EpochListener)}, with each member
   * keeping a checkpoint {@code member-<m>.ckpt} in {@code checkpointDir} (null: none) at least
   * {@code checkpointEvery} apart, and continuing from it when the experiment is run again after a failure.
   */
  public static ExperimentResult run(Architecture architecture, TrainTestSplit data, TrainingSettings settings,
      long seed, EpochListener listener, Path checkpointDir, Duration checkpointEvery) {
    List<Predictions> predictions = new ArrayList<>();
    List<TrainingHistory> histories = new ArrayList<>();
    for (int m = 0; m < architecture.ensembleSize(); m++) {
      long memberSeed = architecture.ensembleSize() == 1 ? seed : Seeds.derive(seed, "member", Integer.toString(m));
      Block network = architecture.network(data.train().channels(), data.train().classCount(),
          Seeds.derive(memberSeed, "network"));
      CheckpointPolicy checkpoints = checkpointDir == null ? CheckpointPolicy.NONE
          : CheckpointPolicy.at(checkpointDir.resolve("member-" + m + ".ckpt"), checkpointEvery);
      try (TrainedClassifier classifier = ClassifierTrainer.fit(network, data.train(), settings, memberSeed, listener,
          checkpoints)) {
        predictions.add(classifier.predict(data.test()));
        histories.add(classifier.history());
      }
    }
    Predictions combined = predictions.size() == 1 ? predictions.get(0) : Predictions.average(predictions);
    return new ExperimentResult(architecture, settings, combined.accuracy(data.test().labels()), combined,
        combined.confusion(data.test()), histories);
  }
}

package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.synthetic.SyntheticDataset;

/**
 * A training stopped after some epochs and run again from its checkpoint must end with exactly the weights,
 * epoch history and test predictions of a training that never stopped: no tolerance, every float compared
 * bit for bit. FCN covers Adam and batch norm; MLP covers Adadelta and seeded dropout.
 */
class TrainingResumeTest {

  private static final int EPOCHS = 8;

  @RegisterExtension static final GeneratedDatasets GENERATED = new GeneratedDatasets();
  @TempDir Path checkpoints;
  private static TrainTestSplit cbf;

  @BeforeAll
  static void data() {
    cbf = GENERATED.data(SyntheticDataset.CBF);
  }

  @Test
  void fcnResumedAfterThreeEpochsEqualsAnUninterruptedTraining() {
    assertResumeIsExact(Architecture.FCN, 3);
  }

  @Test
  void mlpWithDropoutAndAdadeltaResumedAfterFiveEpochsEqualsAnUninterruptedTraining() {
    assertResumeIsExact(Architecture.MLP, 5);
  }

  @Test
  void aFinishedCheckpointIsNotTrainedAgain() {
    Path file = checkpoints.resolve("fcn.ckpt");
    CheckpointPolicy policy = CheckpointPolicy.at(file, Duration.ofHours(1)); // written after the last epoch only
    Outcome first = train(Architecture.FCN, 7, policy, new Recorder(Integer.MAX_VALUE));
    assertThat(file).exists();
    Recorder second = new Recorder(Integer.MAX_VALUE);
    Outcome again = train(Architecture.FCN, 7, policy, second);
    assertThat(second.resumedAt).isEqualTo(EPOCHS);
    assertThat(second.epochsSeen).isZero();
    again.assertSameAs(first);
  }

  @Test
  void aCheckpointOfAnotherTrainingIsLeftUnusedAndReplaced() throws Exception {
    Path file = checkpoints.resolve("fcn.ckpt");
    CheckpointPolicy policy = CheckpointPolicy.at(file, Duration.ZERO);
    assertThatThrownBy(() -> train(Architecture.FCN, 7, policy, new Recorder(2))).isInstanceOf(Stop.class);
    String otherSeeds = TrainingCheckpointFile.read(file).fingerprint();

    Recorder recorder = new Recorder(Integer.MAX_VALUE);
    Outcome resumedWithAnotherSeed = train(Architecture.FCN, 8, policy, recorder);
    assertThat(recorder.ignored).contains("another training");
    assertThat(recorder.resumedAt).isEqualTo(-1);
    resumedWithAnotherSeed.assertSameAs(train(Architecture.FCN, 8, CheckpointPolicy.NONE, new Recorder(Integer.MAX_VALUE)));
    assertThat(TrainingCheckpointFile.read(file).fingerprint()).isNotEqualTo(otherSeeds);
  }

  @Test
  void aTruncatedCheckpointFailsWithItsPath() throws Exception {
    Path file = checkpoints.resolve("fcn.ckpt");
    CheckpointPolicy policy = CheckpointPolicy.at(file, Duration.ZERO);
    assertThatThrownBy(() -> train(Architecture.FCN, 7, policy, new Recorder(1))).isInstanceOf(Stop.class);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> train(Architecture.FCN, 7, policy, new Recorder(Integer.MAX_VALUE)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining("delete it to train afresh");
    Files.writeString(file, "not a checkpoint");
    assertThatThrownBy(() -> train(Architecture.FCN, 7, policy, new Recorder(Integer.MAX_VALUE)))
        .hasMessageContaining(file + ": not a Sylva training checkpoint");
  }

  private void assertResumeIsExact(Architecture architecture, int stopAfter) {
    Outcome uninterrupted = train(architecture, 7, CheckpointPolicy.NONE, new Recorder(Integer.MAX_VALUE));
    Path file = checkpoints.resolve(architecture.displayName() + ".ckpt");
    CheckpointPolicy policy = CheckpointPolicy.at(file, Duration.ZERO);
    assertThatThrownBy(() -> train(architecture, 7, policy, new Recorder(stopAfter))).isInstanceOf(Stop.class);
    assertThat(file).exists();

    Recorder recorder = new Recorder(Integer.MAX_VALUE);
    Outcome resumed = train(architecture, 7, policy, recorder);
    assertThat(recorder.resumedAt).isEqualTo(stopAfter);
    assertThat(recorder.epochsSeen).isEqualTo(EPOCHS - stopAfter);
    resumed.assertSameAs(uninterrupted);
  }

  /** Stands for a crash: thrown by the listener after the checkpoint of an epoch was written. */
  private static final class Stop extends RuntimeException {
    Stop(int epoch) {
      super("stopped after epoch " + epoch);
    }
  }

  private static final class Recorder implements EpochListener {
    private final int stopAfter;
    int epochsSeen;
    int resumedAt = -1;
    String ignored = "";

    Recorder(int stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
      epochsSeen++;
      if (summary.epoch() == stopAfter) {
        throw new Stop(summary.epoch());
      }
    }

    @Override
    public void onResume(int epochsDone, Path checkpoint) {
      resumedAt = epochsDone;
    }

    @Override
    public void onCheckpointIgnored(Path checkpoint, String reason) {
      ignored = reason;
    }
  }

  private record Outcome(List<float[]> weights, List<EpochSummary> epochs, int bestEpoch, List<float[]> probabilities) {

    void assertSameAs(Outcome other) {
      assertThat(weights).hasSameSizeAs(other.weights);
      for (int i = 0; i < weights.size(); i++) {
        assertThat(weights.get(i)).as("parameter %d", i).isEqualTo(other.weights.get(i));
      }
      assertThat(epochs).isEqualTo(other.epochs);
      assertThat(bestEpoch).isEqualTo(other.bestEpoch);
      for (int i = 0; i < probabilities.size(); i++) {
        assertThat(probabilities.get(i)).as("test case %d", i).isEqualTo(other.probabilities.get(i));
      }
    }
  }

  private static Outcome train(Architecture architecture, long seed, CheckpointPolicy policy, EpochListener listener) {
    TrainingSettings settings = TrainingSettings.of(architecture, TrainingProfile.QUICK, cbf.train().size())
        .withEpochs(EPOCHS);
    Block network = architecture.network(cbf.train().channels(), cbf.train().classCount(), seed);
    try (TrainedClassifier classifier = ClassifierTrainer.fit(network, cbf.train(), settings, seed, listener, policy)) {
      List<float[]> weights = new ArrayList<>();
      for (Pair<String, Parameter> p : network.getParameters()) {
        weights.add(p.getValue().getArray().toFloatArray());
      }
      return new Outcome(weights, classifier.history().epochs(), classifier.history().bestEpoch(),
          Arrays.asList(classifier.predict(cbf.test()).probabilities()));
    }
  }
}

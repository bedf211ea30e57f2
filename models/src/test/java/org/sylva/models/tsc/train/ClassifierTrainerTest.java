package org.sylva.models.tsc.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;

/**
 * Training on the generated datasets with the quick profile (1/20 of the paper's epochs). The paper's
 * figures (dl-4-tsc, mean of 10 runs) on CBF are FCN 99.4 %, ResNet 99.5 %, MLP 87.2 %, on SyntheticControl FCN
 * 98.5 %, ResNet 99.8 %. With 1/20 of the epochs the bounds are looser and stated per test; the full-epoch
 * comparison is made by {@code sylva tsc} and reported in the README, not asserted here (it takes hours).
 * TwoPatterns is left to {@code sylva tsc}: even its quick profile trains for about 10 minutes per network.
 */
class ClassifierTrainerTest {

  @RegisterExtension static final GeneratedDatasets GENERATED = new GeneratedDatasets();
  private static TrainTestSplit cbf;

  @BeforeAll
  static void data() {
    cbf = GENERATED.data(SyntheticDataset.CBF);
  }

  @Test
  void sameSeedGivesTheSameWeightsAndAccuracyAndAnotherSeedDoesNot() {
    TrainingSettings settings = TrainingSettings.of(Architecture.FCN, TrainingProfile.QUICK, cbf.train().size())
        .withEpochs(4);
    Trained a = train(Architecture.FCN, cbf, settings, 11);
    Trained b = train(Architecture.FCN, cbf, settings, 11);
    Trained c = train(Architecture.FCN, cbf, settings, 12);
    assertThat(a.weights()).hasSameSizeAs(b.weights());
    for (int i = 0; i < a.weights().size(); i++) {
      assertThat(a.weights().get(i)).as("parameter %d", i).isEqualTo(b.weights().get(i));
    }
    assertThat(a.accuracy()).isEqualTo(b.accuracy());
    assertThat(a.history().epochs()).isEqualTo(b.history().epochs());
    assertThat(a.weights().get(0)).isNotEqualTo(c.weights().get(0));
  }

  @Test
  void theKeptWeightsAreThoseOfTheLowestLossEpoch() {
    TrainingSettings settings = TrainingSettings.of(Architecture.MLP, TrainingProfile.QUICK, cbf.train().size())
        .withEpochs(12);
    Trained t = train(Architecture.MLP, cbf, settings, 5);
    double lowest = t.history().epochs().stream().mapToDouble(EpochSummary::loss).min().orElseThrow();
    assertThat(t.history().bestLoss()).isEqualTo(lowest);
    assertThat(t.history().epochs().get(t.history().bestEpoch() - 1).loss()).isEqualTo(lowest);
    assertThat(t.history().epochs().get(t.history().bestEpoch() - 1).best()).isTrue();
  }

  /**
   * Quick FCN on CBF: 100 epochs of batch 3 reach 0.90 with this seed (300 epochs: 0.97). Bound 0.85 (paper,
   * 2000 epochs: 0.994): batch-norm statistics with Keras' momentum 0.99 are still settling this early.
   */
  @Test
  void quickFcnLearnsCylinderBellFunnel() {
    ExperimentResult r = quick(Architecture.FCN, cbf);
    assertThat(r.settings().epochs()).isEqualTo(100);
    assertThat(r.testAccuracy()).isGreaterThan(0.85);
  }

  /** Quick ResNet on CBF: 75 epochs of batch 3. Bound 0.90 (paper, 1500 epochs: 0.995). */
  @Test
  void quickResNetLearnsCylinderBellFunnel() {
    ExperimentResult r = quick(Architecture.RESNET, cbf);
    assertThat(r.settings().epochs()).isEqualTo(75);
    assertThat(r.testAccuracy()).isGreaterThan(0.90);
  }

  /**
   * Quick FCN on SyntheticControl: 100 epochs of batch 16. Bound 0.95 (paper, 2000 epochs: 0.985); this
   * seed reached 0.993 with oneDNN's default and its SSE4.1 kernels alike.
   */
  @Test
  void quickFcnLearnsSyntheticControl() {
    ExperimentResult r = quick(Architecture.FCN, GENERATED.data(SyntheticDataset.SYNTHETIC_CONTROL));
    assertThat(r.settings().batchSize()).isEqualTo(16);
    assertThat(r.testAccuracy()).isGreaterThan(0.95);
  }

  /**
   * Quick ResNet on SyntheticControl: 75 epochs of batch 30. Bound 0.95 (paper, 1500 epochs: 0.998); this
   * seed reached 0.990 with oneDNN's default and its SSE4.1 kernels alike.
   */
  @Test
  void quickResNetLearnsSyntheticControl() {
    ExperimentResult r = quick(Architecture.RESNET, GENERATED.data(SyntheticDataset.SYNTHETIC_CONTROL));
    assertThat(r.settings().batchSize()).isEqualTo(30);
    assertThat(r.testAccuracy()).isGreaterThan(0.95);
  }

  /** Quick MLP on CBF: 250 epochs of Adadelta. Bound 0.75 (paper, 5000 epochs: 0.872). */
  @Test
  void quickMlpLearnsCylinderBellFunnel() {
    ExperimentResult r = quick(Architecture.MLP, cbf);
    assertThat(r.testAccuracy()).isGreaterThan(0.75);
  }

  /** InceptionTime trains five networks with their own seeds and predicts their mean probabilities. */
  @Test
  void inceptionTimeIsAnEnsembleOfFiveNetworks() throws Exception {
    SyntheticArchive.write(GENERATED.archive().resolve("tiny"), SyntheticDataset.CBF, 9, 9, 6);
    TrainTestSplit tiny = TscArchive.load(GENERATED.archive().resolve("tiny"), "CBF", Preprocessing.defaults());
    TrainingSettings settings = TrainingSettings.of(Architecture.INCEPTION_TIME, TrainingProfile.QUICK, 9).withEpochs(1);
    ExperimentResult r = TscExperiment.run(Architecture.INCEPTION_TIME, tiny, settings, 3, EpochListener.NONE);
    assertThat(settings.batchSize()).isEqualTo(64);
    assertThat(r.members()).hasSize(5);
    assertThat(r.members()).extracting(h -> h.epochs().get(0).loss()).doesNotHaveDuplicates(); // own seeds
    for (float[] p : r.predictions().probabilities()) {
      double sum = 0;
      for (float v : p) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }
    assertThat(r.testAccuracy()).isEqualTo(r.predictions().accuracy(tiny.test().labels()));
  }

  /** Trains and tests {@code architecture} on {@code data} with the quick profile and seed 1, and logs the accuracy. */
  private static ExperimentResult quick(Architecture architecture, TrainTestSplit data) {
    ExperimentResult r = TscExperiment.run(architecture, data,
        TrainingSettings.of(architecture, TrainingProfile.QUICK, data.train().size()), 1, EpochListener.NONE);
    System.err.printf("quick %s on %s: test accuracy %.4f%n", architecture.displayName(), data.dataset(), r.testAccuracy());
    return r;
  }

  private record Trained(List<float[]> weights, double accuracy, TrainingHistory history) {}

  private static Trained train(Architecture architecture, TrainTestSplit data, TrainingSettings settings, long seed) {
    Block network = architecture.network(data.train().channels(), data.train().classCount(), seed);
    try (TrainedClassifier classifier = ClassifierTrainer.fit(network, data.train(), settings, seed, EpochListener.NONE)) {
      List<float[]> weights = new ArrayList<>();
      for (Pair<String, Parameter> p : network.getParameters()) {
        weights.add(p.getValue().getArray().toFloatArray());
      }
      return new Trained(weights, classifier.predict(data.test()).accuracy(data.test().labels()), classifier.history());
    }
  }
}

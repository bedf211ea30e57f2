package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.CheckpointStore;
import org.sylva.models.train.TrainingLoop;
import org.sylva.models.train.TrainingOptions;
import org.sylva.models.train.TrainingResult;

/**
 * Same seed and data ⇒ bit-identical weights; an interrupted run resumed from its checkpoint ⇒ the same
 * weights and history as an uninterrupted one. The configuration exercises every random stream: initial
 * weights, shuffling, dihedral augmentation and dropout, with batch norm.
 */
class TrainingReproducibilityTest {

  private static final List<Patch> TRAIN = SyntheticHeights.patches(10, 16, 0.5, 0.4, 31);
  private static final List<Patch> VALIDATION = SyntheticHeights.patches(3, 16, 0.5, 0.4, 32);
  private static final TrainingOptions OPTIONS = TrainingOptions.builder().epochs(4).batchSize(4).learningRate(2e-3)
      .patience(0).seed(99).build();

  @TempDir Path dir;

  @Test
  void sameSeedGivesBitIdenticalWeights() throws IOException {
    byte[] first = train(OPTIONS);
    byte[] second = train(OPTIONS);
    assertThat(second).isEqualTo(first);
    byte[] otherSeed = train(OPTIONS.toBuilder().seed(100).build());
    assertThat(otherSeed).isNotEqualTo(first);
  }

  /**
   * Garbage collections during training (here forced every millisecond, with freed native memory reused at
   * once) must not change a bit. They did when a scalar operand of the loss or the U-Net's output scale
   * lived in a Java buffer the collector could free before the backward pass ({@link org.sylva.models.nn.Scalars}).
   */
  @Test
  void garbageCollectionsDuringTrainingChangeNothing() throws Exception {
    byte[] quiet = train(OPTIONS);
    Thread collector = new Thread(() -> {
      List<java.nio.ByteBuffer> reuse = new java.util.ArrayList<>();
      while (!Thread.currentThread().isInterrupted()) {
        System.gc();
        reuse.clear();
        for (int k = 0; k < 500; k++) {
          reuse.add(java.nio.ByteBuffer.allocateDirect(4).putFloat(0, 1e6f));
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "gc-storm");
    collector.setDaemon(true);
    collector.start();
    byte[] stormy;
    try {
      stormy = train(OPTIONS);
    } finally {
      collector.interrupt();
      collector.join();
    }
    assertThat(java.util.Arrays.equals(stormy, quiet)).as("weights trained during collections equal the quiet run's")
        .isTrue();
  }

  @Test
  void resumedRunContinuesEpochsScheduleAndWeightsExactly() throws IOException {
    Run straight = run(null, -1);
    Path checkpoints = dir.resolve("checkpoints");
    assertThatThrownBy(() -> run(checkpoints, 1)).hasMessageContaining("simulated crash after epoch 1");
    CheckpointStore.State state = new CheckpointStore(checkpoints).latest().orElseThrow();
    assertThat(state.epoch()).isEqualTo(1);
    try (var files = Files.list(checkpoints)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("best-epoch-0001.params", "epoch-0001.adamw", "epoch-0001.params", "state.json");
    }

    Run resumed = run(checkpoints, -1);
    assertThat(resumed.result.resumedFromEpoch()).isEqualTo(1);
    assertThat(resumed.result.history()).isEqualTo(straight.result.history());
    assertThat(resumed.weights).isEqualTo(straight.weights);

    TrainingOptions other = OPTIONS.toBuilder().learningRate(1e-3).build();
    assertThatThrownBy(() -> run(checkpoints, -1, other)).hasMessageContaining("other training options");
  }

  private byte[] train(TrainingOptions options) throws IOException {
    try (HeightModel model = HeightTrainer.builder().bands(SyntheticHeights.BANDS).architecture(architecture())
        .options(options).build().train(TRAIN, VALIDATION)) {
      model.save(dir.resolve("m"));
      return Files.readAllBytes(dir.resolve("m").resolve(HeightModel.WEIGHTS));
    }
  }

  private record Run(TrainingResult result, byte[] weights) {}

  private Run run(Path checkpoints, int crashAfter) throws IOException {
    return run(checkpoints, crashAfter, OPTIONS);
  }

  /** Drives the training loop directly so a listener can interrupt it after an epoch's checkpoint. */
  private Run run(Path checkpoints, int crashAfter, TrainingOptions options) throws IOException {
    ChannelStatistics stats = ChannelStatistics.of(TRAIN, Float.NaN);
    UNet network = architecture().inputChannels(4).outputScale(HeightTrainer.rmsTarget(TRAIN)).build();
    HeightRegressionTask task = new HeightRegressionTask(network, MaskedLoss.huber(1), TRAIN, VALIDATION, stats, null);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      TrainingResult result = new TrainingLoop(task, options).checkpoints(checkpoints)
          .onEpoch(record -> {
            if (record.epoch() == crashAfter) {
              throw new IllegalStateException("simulated crash after epoch " + crashAfter);
            }
          })
          .run(manager);
      return new Run(result, CheckpointStore.serialise(network));
    }
  }

  private static UNet.Builder architecture() {
    return UNet.builder().depth(2).baseWidth(4).dropout(0.2);
  }
}

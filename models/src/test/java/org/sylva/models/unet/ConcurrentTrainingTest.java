package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.TrainingOptions;

/**
 * Several models training at once in one JVM (parallel pipeline workers) get exactly the weights each gets
 * when trained alone: gradient scopes are per thread, and initial weights are seeded and drawn under the
 * engine-generator lock. Three different seeds run together, so a shared random stream or a shared gradient
 * would show as a difference.
 */
class ConcurrentTrainingTest {

  private static final List<Patch> TRAIN = SyntheticHeights.patches(8, 16, 0.5, 0.4, 41);
  private static final List<Patch> VALIDATION = SyntheticHeights.patches(2, 16, 0.5, 0.4, 42);

  @TempDir Path dir;

  @Test
  void concurrentTrainingsEqualSequentialOnes() throws Exception {
    long[] seeds = {1, 2, 3};
    List<byte[]> alone = new ArrayList<>();
    for (long seed : seeds) {
      alone.add(train(seed, "alone-" + seed));
    }
    ExecutorService pool = Executors.newFixedThreadPool(seeds.length);
    try {
      List<Future<byte[]>> together = new ArrayList<>();
      for (long seed : seeds) {
        Callable<byte[]> job = () -> train(seed, "together-" + seed);
        together.add(pool.submit(job));
      }
      for (int i = 0; i < seeds.length; i++) {
        assertThat(together.get(i).get()).as("weights of seed %d trained beside the others", seeds[i])
            .isEqualTo(alone.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(alone.get(0)).isNotEqualTo(alone.get(1));
  }

  private byte[] train(long seed, String name) throws Exception {
    TrainingOptions options = TrainingOptions.builder().epochs(3).batchSize(4).learningRate(2e-3).patience(0).seed(seed)
        .build();
    try (HeightModel model = HeightTrainer.builder().bands(SyntheticHeights.BANDS)
        .architecture(UNet.builder().depth(2).baseWidth(4)).options(options).build().train(TRAIN, VALIDATION)) {
      model.save(dir.resolve(name));
      return Files.readAllBytes(dir.resolve(name).resolve(HeightModel.WEIGHTS));
    }
  }
}

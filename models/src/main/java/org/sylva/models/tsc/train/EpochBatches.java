package org.sylva.models.tsc.train;

import java.util.Arrays;
import java.util.Random;
import org.sylva.models.tsc.RandomStates;

/**
 * Mini-batches of one epoch, as Keras' {@code fit(shuffle=True)} makes them: a fresh seeded permutation of
 * the training cases every epoch, cut into batches of {@code batchSize} with a smaller last batch when the
 * size does not divide. Same seed, same batches.
 */
public final class EpochBatches {

  private final int size;
  private final int batchSize;
  private Random random;

  public EpochBatches(int size, int batchSize, long seed) {
    if (size < 1 || batchSize < 1) {
      throw new IllegalArgumentException("need at least one case and a positive batch size, got " + size + ", " + batchSize);
    }
    this.size = size;
    this.batchSize = batchSize;
    this.random = new Random(seed);
  }

  /** The shuffling generator's exact state, for a training checkpoint. */
  public byte[] randomState() {
    return RandomStates.save(random);
  }

  /** Continues the permutations from a state saved by {@link #randomState()}. */
  public void restoreRandomState(byte[] state) {
    random = RandomStates.restore(state);
  }

  /** Number of batches per epoch. */
  public int batchesPerEpoch() {
    return (size + batchSize - 1) / batchSize;
  }

  /** The case indices of each batch of the next epoch. */
  public int[][] nextEpoch() {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[][] batches = new int[batchesPerEpoch()][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] = Arrays.copyOfRange(order, b * batchSize, Math.min(size, (b + 1) * batchSize));
    }
    return batches;
  }
}

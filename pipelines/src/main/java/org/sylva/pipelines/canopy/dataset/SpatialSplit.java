package org.sylva.pipelines.canopy.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns whole blocks of patches to train, validation and test, so neighbouring pixels (one forest stand,
 * one GEDI track) never end up on both sides of the split. The blocks that hold training data are shuffled
 * with a generator seeded from {@code seed} and cut by the fractions (each split gets at least one block
 * when there are three or more). Along an edge between blocks of different splits, targets within
 * {@code bufferPixels} of the edge are dropped on both sides, so a GEDI footprint disc cut by the edge, or the
 * same crowns seen from both sides, cannot leak.
 */
public record SpatialSplit(double trainFraction, double validationFraction, double testFraction, int bufferPixels, long seed)
    implements Serializable {

  public SpatialSplit {
    if (!(trainFraction > 0 && validationFraction > 0 && testFraction > 0)) {
      throw new IllegalArgumentException("split fractions must be positive, got " + trainFraction + "/" + validationFraction
          + "/" + testFraction);
    }
    double sum = trainFraction + validationFraction + testFraction;
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("split fractions must add up to 1, got " + sum);
    }
    if (bufferPixels < 0) {
      throw new IllegalArgumentException("split buffer must be >= 0 pixels, got " + bufferPixels);
    }
  }

  /** A block by its position in block units. */
  public record Block(int row, int col) implements Comparable<Block>, Serializable {
    @Override
    public int compareTo(Block o) {
      return row != o.row ? Integer.compare(row, o.row) : Integer.compare(col, o.col);
    }
  }

  /** The split of each block in {@code blocks} (any order; the result does not depend on it). */
  public Map<Block, Split> assign(List<Block> blocks) {
    List<Block> sorted = new ArrayList<>(new java.util.TreeSet<>(blocks));
    Collections.shuffle(sorted, new Random(seed ^ 0x5EED_5B117L));
    int n = sorted.size();
    int test = n >= 3 ? Math.max(1, (int) Math.round(n * testFraction)) : 0;
    int validation = n >= 3 ? Math.max(1, (int) Math.round(n * validationFraction)) : (n == 2 ? 1 : 0);
    int train = n - test - validation;
    if (n >= 3 && train < 1) {
      validation = 1;
      test = 1;
      train = n - 2;
    }
    Map<Block, Split> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      out.put(sorted.get(i), i < train ? Split.TRAIN : i < train + validation ? Split.VALIDATION : Split.TEST);
    }
    return out;
  }

  /**
   * Drops (sets to NaN) the targets of the patch at {@code position} that lie within the buffer of an edge or
   * corner it shares with a patch of another split; {@code splitOf} gives the split of any patch position
   * (null outside the layout or for patches without data).
   */
  public void applyBuffer(float[] target, PatchLayout layout, PatchLayout.Position position,
      java.util.function.BiFunction<Integer, Integer, Split> splitOf) {
    if (bufferPixels == 0) {
      return;
    }
    Split own = splitOf.apply(position.patchRow(), position.patchCol());
    int size = layout.patchSize();
    int b = Math.min(bufferPixels, size);
    for (int dr = -1; dr <= 1; dr++) {
      for (int dc = -1; dc <= 1; dc++) {
        if (dr == 0 && dc == 0) {
          continue;
        }
        Split neighbour = splitOf.apply(position.patchRow() + dr, position.patchCol() + dc);
        if (neighbour == null || neighbour == own) {
          continue;
        }
        int r0 = dr < 0 ? 0 : dr > 0 ? size - b : 0;
        int r1 = dr < 0 ? b : dr > 0 ? size : size;
        int c0 = dc < 0 ? 0 : dc > 0 ? size - b : 0;
        int c1 = dc < 0 ? b : dc > 0 ? size : size;
        for (int r = r0; r < r1; r++) {
          java.util.Arrays.fill(target, r * size + c0, r * size + c1, Float.NaN);
        }
      }
    }
  }
}

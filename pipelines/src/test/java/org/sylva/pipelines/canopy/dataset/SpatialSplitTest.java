package org.sylva.pipelines.canopy.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpatialSplitTest {

  private static final SpatialSplit SPLIT = new SpatialSplit(0.7, 0.15, 0.15, 3, 42);

  static List<SpatialSplit.Block> blocks(int rows, int cols) {
    List<SpatialSplit.Block> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out.add(new SpatialSplit.Block(r, c));
      }
    }
    return out;
  }

  @Test
  void assignsWholeBlocksByTheFractionsWhateverTheOrder() {
    List<SpatialSplit.Block> blocks = blocks(8, 8);
    Map<SpatialSplit.Block, Split> first = SPLIT.assign(blocks);
    List<SpatialSplit.Block> shuffled = new ArrayList<>(blocks);
    Collections.shuffle(shuffled, new Random(1));
    assertThat(SPLIT.assign(shuffled)).isEqualTo(first);

    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    first.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    // 64 blocks: round(64 x 0.15) = 10 validation and 10 test, the other 44 train.
    assertThat(counts).containsEntry(Split.TRAIN, 44).containsEntry(Split.VALIDATION, 10).containsEntry(Split.TEST, 10);
    assertThat(new SpatialSplit(0.7, 0.15, 0.15, 3, 43).assign(blocks)).as("another seed, another split").isNotEqualTo(first);
  }

  @Test
  void smallSceneStillGetsEverySplit() {
    Map<SpatialSplit.Block, Split> three = SPLIT.assign(blocks(1, 3));
    assertThat(three.values()).containsExactlyInAnyOrder(Split.TRAIN, Split.VALIDATION, Split.TEST);
  }

  @Test
  void bufferDropsTargetsOnlyAlongEdgesWithAnotherSplit() {
    PatchLayout layout = new PatchLayout(30, 30, 10, 1);
    // Patch (1,1) is train; its right neighbour (1,2) is test and its lower-left diagonal (2,0) validation.
    Split[][] splits = {
      {Split.TRAIN, Split.TRAIN, Split.TRAIN},
      {Split.TRAIN, Split.TRAIN, Split.TEST},
      {Split.VALIDATION, Split.TRAIN, Split.TRAIN}};
    float[] target = new float[100];
    Arrays.fill(target, 5f);
    SPLIT.applyBuffer(target, layout, layout.position(1, 1),
        (r, c) -> r < 0 || c < 0 || r > 2 || c > 2 ? null : splits[r][c]);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        boolean rightEdge = x >= 7;
        boolean lowerLeftCorner = x < 3 && y >= 7;
        assertThat(Float.isNaN(target[y * 10 + x])).as("pixel %d,%d", x, y).isEqualTo(rightEdge || lowerLeftCorner);
      }
    }
  }

  @Test
  void rejectsFractionsThatDoNotAddUp() {
    assertThatThrownBy(() -> new SpatialSplit(0.7, 0.2, 0.2, 0, 1)).hasMessageContaining("add up to 1");
    assertThatThrownBy(() -> new SpatialSplit(0.8, 0.2, 0, 0, 1)).hasMessageContaining("positive");
  }
}

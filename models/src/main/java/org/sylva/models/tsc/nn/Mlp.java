package org.sylva.models.tsc.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.sylva.models.tsc.Seeds;

/**
 * Multilayer perceptron baseline (Wang, Yan & Oates 2017; dl-4-tsc {@code mlp.py}): the series flattened,
 * then Dropout(0.1) → Dense(500, ReLU) → Dropout(0.2) → Dense(500, ReLU) → Dropout(0.2) → Dense(500, ReLU)
 * → Dropout(0.3) → Dense(classes) (logits here). Dropout masks come from {@code seed}.
 */
public final class Mlp {

  private Mlp() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the network; sizes and dropout rates default to the paper's. */
  public static final class Builder {
    private int classes;
    private int hiddenUnits = 500;
    private float[] dropouts = {0.1f, 0.2f, 0.2f, 0.3f};
    private long seed;

    public Builder classes(int classes) {
      this.classes = classes;
      return this;
    }

    public Builder hiddenUnits(int hiddenUnits) {
      this.hiddenUnits = hiddenUnits;
      return this;
    }

    /** Seed of the dropout masks. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Block build() {
      Layers.requireClasses(classes);
      SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
      for (int i = 0; i < dropouts.length; i++) {
        net.add(new SeededDropout(dropouts[i], Seeds.derive(seed, "dropout", Integer.toString(i))));
        boolean last = i == dropouts.length - 1;
        net.add(Linear.builder().setUnits(last ? classes : hiddenUnits).build());
        if (!last) {
          net.add(Activation.reluBlock());
        }
      }
      return net;
    }
  }
}

package org.sylva.pipelines.tsc;

import java.io.Serializable;

/**
 * One cell of the benchmark: train {@code model} on {@code dataset}'s training split with {@code seed} and
 * test it. Serializable so Beam can ship it to workers.
 *
 * @param dataset archive folder name, e.g. {@code TwoPatterns}
 * @param model display name of an {@link org.sylva.models.tsc.train.Architecture}
 * @param run 1-based repetition number
 * @param seed seed of every random choice of this run
 */
public record TscTask(String dataset, String model, int run, long seed) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** "TwoPatterns/ResNet run 2", for logs and progress bars. */
  public String label() {
    return dataset + "/" + model + " run " + run;
  }
}

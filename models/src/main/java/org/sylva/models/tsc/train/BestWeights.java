package org.sylva.models.tsc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the parameters (weights and batch-norm running statistics) of the epoch with the lowest training
 * loss, like Keras' {@code ModelCheckpoint(monitor='loss', save_best_only=True)} whose saved model the
 * reference code evaluates. The copy lives on the Java heap: small next to training, and independent of the
 * engine's autograd state.
 */
public final class BestWeights {

  /** The kept copy: loss and epoch of the best epoch and its parameters, in the block's parameter order. */
  public record State(double bestLoss, int bestEpoch, List<float[]> parameters) {

    public State {
      parameters = List.copyOf(parameters);
    }
  }

  private final List<Parameter> parameters = new ArrayList<>();
  private final List<float[]> snapshot = new ArrayList<>();
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;

  public BestWeights(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      parameters.add(p.getValue());
    }
  }

  /** Keeps the current parameters when {@code loss} is strictly below the best so far; returns whether it did. */
  public boolean offer(double loss, int epoch) {
    if (!(loss < bestLoss)) {
      return false;
    }
    bestLoss = loss;
    bestEpoch = epoch;
    snapshot.clear();
    for (Parameter p : parameters) {
      snapshot.add(p.getArray().toFloatArray());
    }
    return true;
  }

  public State state() {
    return new State(bestLoss, bestEpoch, snapshot);
  }

  /** Continues from a saved {@link #state()}; the block must have the same parameters. */
  public void resumeFrom(State state) {
    if (!state.parameters().isEmpty() && state.parameters().size() != parameters.size()) {
      throw new IllegalArgumentException("saved best weights have " + state.parameters().size()
          + " parameters, the network " + parameters.size());
    }
    bestLoss = state.bestLoss();
    bestEpoch = state.bestEpoch();
    snapshot.clear();
    snapshot.addAll(state.parameters());
  }

  /** Puts the kept parameters back into the block. */
  public void restore() {
    if (snapshot.isEmpty()) {
      throw new IllegalStateException("no finite training loss was ever recorded");
    }
    for (int i = 0; i < parameters.size(); i++) {
      NDArray array = parameters.get(i).getArray();
      array.set(snapshot.get(i));
    }
  }

  public double bestLoss() {
    return bestLoss;
  }

  public int bestEpoch() {
    return bestEpoch;
  }
}

package org.sylva.models.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * An optimiser whose per-parameter state (moment estimates, accumulators) can be read out and put back, so
 * that a training resumed from a checkpoint continues exactly where it stopped. DJL's own optimisers keep
 * that state private. The update count, the other half of an optimiser's state, is set when the resumed
 * optimiser is built ({@code optBeginNumUpdate}).
 */
public interface ResumableOptimizer {

  /** The state arrays of one parameter by slot name (e.g. {@code mean}, {@code variance}); empty before its first update. */
  Map<String, float[]> slots(String parameterId);

  /** Puts saved {@link #slots} back for {@code parameterId}, with the shape and place of {@code weight}. */
  void restoreSlots(String parameterId, NDArray weight, Map<String, float[]> slots);
}

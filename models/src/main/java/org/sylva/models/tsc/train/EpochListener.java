package org.sylva.models.tsc.train;

/**
 * Told about training as it goes (progress bars, loss logs, early stopping later). Separate from the loop
 * so the loop does not know who is watching.
 */
@FunctionalInterface
public interface EpochListener {

  EpochListener NONE = e -> {};

  void onEpochEnd(EpochSummary summary);

  /** Both listeners, this one first. */
  default EpochListener andThen(EpochListener next) {
    return e -> {
      onEpochEnd(e);
      next.onEpochEnd(e);
    };
  }
}

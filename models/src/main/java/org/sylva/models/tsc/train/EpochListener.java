package org.sylva.models.tsc.train;

import java.nio.file.Path;

/**
 * Told about training as it goes (progress bars, loss logs, early stopping later). Separate from the loop
 * so the loop does not know who is watching.
 */
@FunctionalInterface
public interface EpochListener {

  EpochListener NONE = e -> {};

  void onEpochEnd(EpochSummary summary);

  /** Told once, before training goes on, that it continues from {@code checkpoint} after {@code epochsDone} epochs. */
  default void onResume(int epochsDone, Path checkpoint) {}

  /** Told that {@code checkpoint} was left unused because it belongs to another training; this one starts afresh. */
  default void onCheckpointIgnored(Path checkpoint, String reason) {}

  /** Both listeners, this one first. */
  default EpochListener andThen(EpochListener next) {
    EpochListener first = this;
    return new EpochListener() {
      @Override
      public void onEpochEnd(EpochSummary summary) {
        first.onEpochEnd(summary);
        next.onEpochEnd(summary);
      }

      @Override
      public void onResume(int epochsDone, Path checkpoint) {
        first.onResume(epochsDone, checkpoint);
        next.onResume(epochsDone, checkpoint);
      }

      @Override
      public void onCheckpointIgnored(Path checkpoint, String reason) {
        first.onCheckpointIgnored(checkpoint, reason);
        next.onCheckpointIgnored(checkpoint, reason);
      }
    };
  }
}

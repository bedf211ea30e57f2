package org.sylva.models.tsc.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a training keeps its checkpoint and how often it renews it. A checkpoint is written when
 * {@code every} has passed since the last one and after the last epoch (so a finished ensemble member is not
 * trained again); {@link Duration#ZERO} writes one after every epoch. When to write never changes what is
 * computed: a resumed training gives the same bytes as one that never stopped.
 *
 * @param file the checkpoint file, or null for no checkpoints
 * @param every least training time between two checkpoints
 */
public record CheckpointPolicy(Path file, Duration every) {

  public static final CheckpointPolicy NONE = new CheckpointPolicy(null, Duration.ZERO);

  public CheckpointPolicy {
    Objects.requireNonNull(every, "every");
    if (every.isNegative()) {
      throw new IllegalArgumentException("checkpoint interval must not be negative, got " + every);
    }
  }

  public static CheckpointPolicy at(Path file, Duration every) {
    return new CheckpointPolicy(Objects.requireNonNull(file, "file"), every);
  }

  public boolean enabled() {
    return file != null;
  }

  boolean due(long lastWriteNanos, long nowNanos, boolean lastEpoch) {
    return enabled() && (lastEpoch || nowNanos - lastWriteNanos >= every.toNanos());
  }
}

package org.sylva.pipelines.tsc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sylva.models.io.Json;
import org.sylva.models.io.Sha256;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.train.Architecture;
import org.sylva.models.tsc.train.TrainingSettings;

/**
 * A finished cell's result, kept in its checkpoint folder as {@code result.json} in place of its member
 * checkpoints (megabytes per network, a result kilobytes): when a run fails elsewhere and is run again,
 * finished cells are neither trained nor tested again, and a full-archive run keeps only the checkpoints of
 * the cells that are training. A result is reused only by the same cell: same task and seed, recipe,
 * preprocessing and data.
 */
final class FinishedCells {

  static final String FILE = "result.json";

  /** What {@code result.json} holds. */
  record Entry(String key, TscRunResult result) {}

  private FinishedCells() {}

  static String key(TscTask task, Architecture architecture, TrainingSettings settings, Preprocessing preprocessing,
      TrainTestSplit data) {
    // Version 2: results carry a confusion matrix; a version-1 result.json is not reused.
    return Sha256.hex("sylva-tsc-cell/2\n" + task + "\n" + architecture.displayName() + "\n" + settings + "\n"
        + preprocessing + "\ntrain " + data.train().contentDigest() + "\ntest " + data.test().contentDigest());
  }

  /** The kept result of this cell, if {@code cellDir} holds one with {@code key}. */
  static Optional<TscRunResult> read(Path cellDir, String key) throws IOException {
    Path file = cellDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Entry entry;
    try {
      entry = Json.read(file, Entry.class);
    } catch (IOException e) {
      throw new IOException(file + ": unreadable kept result of a finished cell (" + e.getMessage()
          + "); delete it to run the cell again", e);
    }
    return entry.key().equals(key) ? Optional.of(entry.result()) : Optional.empty();
  }

  /** Keeps {@code result} for {@code key}, then drops the cell's member checkpoints, which it replaces. */
  static void write(Path cellDir, String key, TscRunResult result) throws IOException {
    Json.write(cellDir.resolve(FILE), new Entry(key, result));
    try (DirectoryStream<Path> checkpoints = Files.newDirectoryStream(cellDir, "member-*.ckpt")) {
      for (Path checkpoint : checkpoints) {
        Files.deleteIfExists(checkpoint);
      }
    }
  }
}

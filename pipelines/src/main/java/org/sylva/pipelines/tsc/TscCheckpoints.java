package org.sylva.pipelines.tsc;

import java.nio.file.Path;

/**
 * Where the cells of a {@code sylva tsc} run keep their training checkpoints: one folder per cell,
 * {@code <root>/<dataset>/<model>/run-<k>/}, holding {@code member-<m>.ckpt} per ensemble member. The root is
 * {@code .<runName>.checkpoints} beside the run folder, or {@code <runName>.checkpoints} inside
 * {@code --checkpointDir}; it outlives a failed run, so the same command resumes, and is removed once a run
 * has succeeded. Only that root is ever removed, never the folder {@code --checkpointDir} names.
 */
final class TscCheckpoints {

  private TscCheckpoints() {}

  /** The checkpoint root of a run: beside {@code runDir}, or inside {@code configured} (the option) if not blank. */
  static Path root(String configured, Path runDir) {
    return configured.isBlank()
        ? runDir.resolveSibling("." + runDir.getFileName() + ".checkpoints")
        : Path.of(configured).toAbsolutePath().normalize().resolve(runDir.getFileName() + ".checkpoints");
  }

  static Path cell(Path root, TscTask task) {
    return root.resolve(task.dataset()).resolve(task.model()).resolve("run-" + task.run());
  }
}

package org.sylva.geo.progress;

/**
 * Receives progress of long geo work (tiles composited, files read). Called from worker threads:
 * implementations must be thread-safe. The CLI adapts it to its progress bar; geo itself prints nothing.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = (done, total, status) -> { };

  /**
   * @param done units finished so far (monotonic per run)
   * @param total units in the run
   * @param status short human-readable note, e.g. the tile just finished
   */
  void progress(long done, long total, String status);
}

package org.sylva.pipelines.common;

import org.sylva.geo.progress.ProgressListener;
import org.sylva.models.progress.ProgressBar;

/**
 * Shows the progress of geo work ({@link ProgressListener}: cumulative done/total from worker threads) on a
 * terminal {@link ProgressBar}, started when the first report says how much work there is.
 */
public final class ProgressBarListener implements ProgressListener, AutoCloseable {

  private final String label;
  private ProgressBar bar;
  private long shown;

  public ProgressBarListener(String label) {
    this.label = label;
  }

  @Override
  public synchronized void progress(long done, long total, String status) {
    if (bar == null) {
      bar = ProgressBar.start(label, total);
    }
    bar.step(Math.max(0, done - shown), status);
    shown = Math.max(shown, done);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

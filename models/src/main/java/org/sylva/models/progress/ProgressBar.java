package org.sylva.models.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A terminal progress bar for long work (training epochs, tiles, sweeps): percentage, count, rate, ETA and
 * a caller-supplied status such as the current loss. On an interactive terminal it redraws one line; when
 * output is redirected (CI logs, files) it prints a plain line at most every {@code logEvery} percent so
 * logs stay short. Thread-safe: workers may call {@link #step} concurrently.
 */
public final class ProgressBar implements AutoCloseable {

  private static final int BAR_WIDTH = 24;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean interactive;
  private final LongSupplier clockNanos;
  private final long startNanos;
  private long done;
  private long skipped;
  private String status = "";
  private long lastDrawNanos;
  private int lastLoggedPercent = -1;
  private final int logEvery;
  private boolean closed;

  private ProgressBar(String label, long total, PrintStream out, boolean interactive, int logEvery, LongSupplier clockNanos) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    this.label = label;
    this.total = total;
    this.out = out;
    this.interactive = interactive;
    this.logEvery = logEvery;
    this.clockNanos = clockNanos;
    this.startNanos = clockNanos.getAsLong();
  }

  /** A bar on stderr, interactive when a console is attached and {@code SYLVA_PROGRESS} is not {@code plain}. */
  public static ProgressBar start(String label, long total) {
    boolean interactive = System.console() != null && !"plain".equals(System.getenv("SYLVA_PROGRESS"));
    return new ProgressBar(label, total, System.err, interactive, 10, System::nanoTime);
  }

  /** A bar that writes plain lines to {@code out} with a given clock; for tests and log files. */
  public static ProgressBar plain(String label, long total, PrintStream out, int logEveryPercent, LongSupplier clockNanos) {
    return new ProgressBar(label, total, out, false, logEveryPercent, clockNanos);
  }

  /** Advances by {@code n} units. */
  public void step(long n) {
    step(n, null);
  }

  /** Advances by {@code n} units and replaces the status text (e.g. {@code "loss 0.0123"}); null keeps it. */
  public synchronized void step(long n, String newStatus) {
    done = Math.min(total, done + n);
    if (newStatus != null) {
      status = newStatus;
    }
    draw(false);
  }

  /**
   * Counts {@code n} units as done without doing them now (work a resumed job had finished before); they
   * advance the bar but not the rate, so the ETA stays that of the work still to do.
   */
  public synchronized void skip(long n) {
    long before = done;
    done = Math.min(total, done + n);
    skipped += done - before;
    draw(false);
  }

  /** Replaces the status text without advancing. */
  public synchronized void status(String newStatus) {
    status = newStatus;
    draw(false);
  }

  public synchronized long done() {
    return done;
  }

  /** Elapsed time since the bar started. */
  public Duration elapsed() {
    return Duration.ofNanos(clockNanos.getAsLong() - startNanos);
  }

  /** Text of the current state, e.g. {@code "train [#####...] 40% 4/10 2.0/s ETA 0:03 loss 0.1"}. */
  public synchronized String render() {
    double fraction = total == 0 ? 1 : (double) done / total;
    double seconds = (clockNanos.getAsLong() - startNanos) / 1e9;
    double rate = seconds > 0 ? (done - skipped) / seconds : 0;
    String eta = done > skipped && done < total ? " ETA " + formatDuration((total - done) / rate) : "";
    String took = done >= total ? " in " + formatDuration(seconds) : "";
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %s/s%s%s%s",
        label, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), done, total,
        formatRate(rate), eta, took, status.isEmpty() ? "" : " " + status);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      draw(true);
      if (interactive) {
        out.println();
      }
      out.flush();
    }
  }

  private void draw(boolean force) {
    if (interactive) {
      long now = clockNanos.getAsLong();
      if (force || now - lastDrawNanos > 100_000_000L || done == total) {
        lastDrawNanos = now;
        out.print("\r" + render() + "\u001B[K");
        out.flush();
      }
      return;
    }
    int percent = total == 0 ? 100 : (int) (100 * done / total);
    int bucket = logEvery <= 0 ? percent : percent / logEvery * logEvery;
    if (force ? lastLoggedPercent < 100 || done < total : bucket > lastLoggedPercent) {
      lastLoggedPercent = Math.max(bucket, lastLoggedPercent);
      out.println(render());
    }
  }

  static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String formatRate(double rate) {
    return rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.2f", rate);
  }
}

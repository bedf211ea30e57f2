package org.sylva.pipelines.flink;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sylva.models.progress.ProgressBar;

/**
 * Shows a Flink job's progress in the terminal while Beam's FlinkRunner waits for it: a progress bar over
 * the job's vertices with state, records in/out and restarts, plus one line whenever the job changes state
 * (RUNNING, RESTARTING, FINISHED...). Everything comes from the cluster's REST API, so what the user sees
 * is what the Flink web UI shows.
 */
final class FlinkJobWatcher {

  private static final Duration TERMINAL_GRACE = Duration.ofSeconds(10);

  private final FlinkRestClient rest;
  private final Duration pollInterval;
  private final PrintStream log;

  FlinkJobWatcher(FlinkRestClient rest, Duration pollInterval, PrintStream log) {
    this.rest = rest;
    this.pollInterval = pollInterval;
    this.log = log;
  }

  /**
   * Polls the job named {@code jobName} until {@code submission} completes; returns the job's last status
   * (empty when the job never reached the cluster, e.g. the submission itself failed).
   */
  Optional<JobStatus> watch(String jobName, Future<?> submission) throws InterruptedException {
    String jobId = null;
    String lastState = "";
    JobStatus last = null;
    ProgressBar bar = null;
    try {
      while (!waitFor(submission)) {
        try {
          if (jobId == null) {
            jobId = rest.findJobId(jobName).orElse(null);
            if (jobId != null) {
              log.println("flink: job " + jobName + " submitted as " + jobId + " (web UI "
                  + rest.master().restUri("/#/job/running/" + jobId) + ")");
            }
            continue;
          }
          last = rest.job(jobId);
          if (bar == null && !last.vertices().isEmpty()) {
            bar = ProgressBar.start("flink " + jobName, last.vertices().size());
          }
          if (bar != null) {
            bar.step(last.verticesFinished() - bar.done(), last.summary());
          }
          if (!last.state().equals(lastState)) {
            lastState = last.state();
            log.println("flink: job " + jobId + " " + last.summary());
          }
        } catch (FlinkClusterException e) {
          // A missed poll (master busy restarting the job) is not a failure; the submission decides that.
          log.println("flink: progress unavailable: " + e.getMessage());
        }
      }
      if (jobId == null) {
        jobId = rest.findJobId(jobName).orElse(null);
      }
      if (jobId != null) {
        last = finalStatus(jobId);
        if (bar != null) {
          bar.step(last.verticesFinished() - bar.done(), last.summary());
        }
        if (!last.state().equals(lastState)) {
          log.println("flink: job " + jobId + " " + last.summary());
        }
      }
      return Optional.ofNullable(last);
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /**
   * The job's status once the REST API shows it ended. The REST handlers cache a job for
   * {@code web.refresh-interval} (3 s by default), so right after the client saw the end they may still
   * report RUNNING; poll a little longer, then settle for what they say.
   */
  private JobStatus finalStatus(String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + TERMINAL_GRACE.toNanos();
    JobStatus status = rest.job(jobId);
    while (!status.isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(pollInterval.toMillis());
      status = rest.job(jobId);
    }
    return status;
  }

  private boolean waitFor(Future<?> submission) throws InterruptedException {
    try {
      submission.get(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }
}

package org.sylva.pipelines.flink;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a Sylva pipeline on whatever runner its options name and waits for the end. On the DirectRunner
 * this is {@code run().waitUntilFinish()}. On a remote Flink cluster ({@code --runner=FlinkRunner
 * --flinkMaster=host:port}) it first runs the {@link FlinkPreflight} checks, chooses the files to stage
 * ({@link StagedFiles}) unless {@code --filesToStage} is given, then submits and shows the job's progress
 * from the REST API; a failed job is reported with Flink's root exception.
 */
public final class PipelineLauncher {

  private final PrintStream log;
  private final Duration restTimeout;
  private final Duration pollInterval;

  public PipelineLauncher() {
    this(System.err, Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  public PipelineLauncher(PrintStream log, Duration restTimeout, Duration pollInterval) {
    this.log = log;
    this.restTimeout = restTimeout;
    this.pollInterval = pollInterval;
  }

  /** Whether these options send the pipeline to a remote Flink cluster. */
  public static boolean isFlinkCluster(org.apache.beam.sdk.options.PipelineOptions options) {
    return options.getRunner().getSimpleName().equals("FlinkRunner")
        && FlinkMaster.isRemote(options.as(FlinkPipelineOptions.class).getFlinkMaster());
  }

  public RunOutcome run(Pipeline pipeline) {
    long start = System.nanoTime();
    if (!isFlinkCluster(pipeline.getOptions())) {
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("pipeline ended in state " + state);
      }
      return new RunOutcome(pipeline.getOptions().getRunner().getSimpleName(), state.name(),
          Duration.ofNanos(System.nanoTime() - start), Optional.empty(), 0);
    }
    SylvaFlinkOptions options = pipeline.getOptions().as(SylvaFlinkOptions.class);
    FlinkRestClient rest = new FlinkRestClient(FlinkMaster.parse(options.getFlinkMaster()), restTimeout);
    if (options.getFilesToStage() == null || options.getFilesToStage().isEmpty()) {
      options.setFilesToStage(StagedFiles.forCluster(options, log));
    }
    new FlinkPreflight(rest).check(Math.max(1, options.getParallelism()), options.getFilesToStage());
    return submitAndWatch(pipeline, options, rest, start);
  }

  private RunOutcome submitAndWatch(Pipeline pipeline, SylvaFlinkOptions options, FlinkRestClient rest, long start) {
    ExecutorService submitter = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "flink-submission");
      t.setDaemon(true);
      return t;
    });
    try {
      // FlinkRunner blocks until a batch job ends; it runs beside the watcher that reports progress.
      Future<PipelineResult> submission = submitter.submit(() -> pipeline.run());
      Optional<JobStatus> job = new FlinkJobWatcher(rest, pollInterval, log).watch(options.getJobName(), submission);
      try {
        submission.get();
      } catch (ExecutionException e) {
        throw failure(rest, options.getJobName(), job, e.getCause());
      }
      // Beam returned normally, so the job finished; the REST API may still show a cached RUNNING.
      if (job.isPresent() && job.get().isTerminal() && !job.get().state().equals("FINISHED")) {
        throw failure(rest, options.getJobName(), job, null);
      }
      return new RunOutcome("FlinkRunner", "FINISHED",
          Duration.ofNanos(System.nanoTime() - start), job.map(JobStatus::id), job.map(JobStatus::restarts).orElse(0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkClusterException("interrupted while waiting for Flink job " + options.getJobName(), e);
    } finally {
      submitter.shutdownNow();
    }
  }

  /** The job's failure in one line, with Flink's root exception when the cluster recorded one. */
  private static RuntimeException failure(FlinkRestClient rest, String jobName, Optional<JobStatus> job, Throwable cause) {
    if (job.isEmpty()) {
      return cause instanceof RuntimeException r ? r : new FlinkClusterException("Flink job " + jobName
          + " was not submitted: " + cause, cause);
    }
    String root;
    try {
      root = rest.rootException(job.get().id()).orElse("no root exception recorded");
    } catch (FlinkClusterException e) {
      root = "root exception unavailable (" + e.getMessage() + ")";
    }
    return new FlinkClusterException("Flink job " + jobName + " (" + job.get().id() + ") ended "
        + job.get().state() + " after " + job.get().restarts() + " restarts: " + root, cause);
  }
}

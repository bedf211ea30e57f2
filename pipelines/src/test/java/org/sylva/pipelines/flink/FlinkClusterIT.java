package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink path end to end on a real local session cluster (1 JobManager + 2 TaskManagers x 2 slots,
 * started by infra/flink/ci-integration.sh): the smoke pipeline gives byte-identical output on the
 * DirectRunner and on the cluster, survives a TaskManager killed mid-job, and bad settings fail fast.
 * These tests fail, not skip, when the cluster is missing.
 */
class FlinkClusterIT {

  /** Small enough for CI, large enough that every slot gets work items. */
  private static final List<String> WORKLOAD = List.of("--elements=64", "--samplesPerElement=200000", "--groups=8");

  private static final LocalFlinkCluster CLUSTER = new LocalFlinkCluster();

  @TempDir static Path runs;
  private static byte[] directRunnerSummary;

  @BeforeAll
  static void referenceOnDirectRunner() throws Exception {
    CLUSTER.assertPipelineJarIsFresh();
    FlinkSmokeOptions options = options(List.of("--runName=direct"));
    new PipelineLauncher().run(FlinkSmokePipeline.create(options));
    directRunnerSummary = Files.readAllBytes(Path.of(FlinkSmokePipeline.summaryLocation(options)));
  }

  @Test
  void clusterOutputIsByteIdenticalToDirectRunner() throws Exception {
    FlinkSmokeOptions options = options(onCluster("--runName=cluster", "--parallelism=2"));
    RunOutcome outcome = new PipelineLauncher().run(FlinkSmokePipeline.create(options));

    assertThat(outcome.runner()).isEqualTo("FlinkRunner");
    assertThat(outcome.flinkJobId()).isPresent();
    assertThat(CLUSTER.rest().job(outcome.flinkJobId().get()).state()).isEqualTo("FINISHED");
    assertThat(Files.readAllBytes(Path.of(FlinkSmokePipeline.summaryLocation(options)))).isEqualTo(directRunnerSummary);
    // The numbers themselves: 64 items of 200 000 points; pi within 4 standard errors of the estimate.
    String summary = new String(directRunnerSummary, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(summary).contains("total\t64\t");
    double pi = Double.parseDouble(summary.lines().filter(l -> l.startsWith("pi\t")).findFirst().orElseThrow().substring(3));
    double p = Math.PI / 4;
    double standardError = 4 * Math.sqrt(p * (1 - p) / (64 * 200_000.0));
    assertThat(pi).isCloseTo(Math.PI, org.assertj.core.data.Offset.offset(4 * standardError));
  }

  @Test
  void jobSurvivesAKilledTaskManagerWithIdenticalOutput() throws Exception {
    // 64 items x 300 ms over 2 slots: ~10 s of work, long enough to kill a TaskManager in the middle.
    FlinkSmokeOptions options = options(onCluster("--runName=fault", "--parallelism=2", "--pauseMillisPerElement=300"));
    PipelineLauncher launcher = new PipelineLauncher(System.err, Duration.ofSeconds(5), Duration.ofSeconds(1));
    CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> launcher.run(FlinkSmokePipeline.create(options)));
    try {
      String victim = taskManagerRunningTheJob(options.getJobName());
      long pid = CLUSTER.taskManagerPid(victim);
      System.err.println("fault test: killing " + victim + " (pid " + pid + ") while the job runs");
      assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
      long killed = System.nanoTime();

      RunOutcome outcome = run.get(5, TimeUnit.MINUTES);
      System.err.printf("fault test: job finished %.1f s after the kill, %d restarts%n",
          (System.nanoTime() - killed) / 1e9, outcome.restarts());

      assertThat(outcome.restarts()).as("restarts after the TaskManager was lost").isGreaterThanOrEqualTo(1);
      Path summary = Path.of(FlinkSmokePipeline.summaryLocation(options));
      assertThat(Files.readAllBytes(summary)).isEqualTo(directRunnerSummary);
      try (var files = Files.list(summary.getParent())) {
        assertThat(files.map(f -> f.getFileName().toString())).as("no partial or temporary output left")
            .containsExactly(FlinkSmokePipeline.SUMMARY_FILE);
      }
    } finally {
      run.cancel(true);
      CLUSTER.restoreTaskManagers();
    }
  }

  @Test
  void tooHighParallelismFailsBeforeSubmission() {
    FlinkSmokeOptions options = options(onCluster("--runName=toomany", "--parallelism=99"));
    assertThatThrownBy(() -> new PipelineLauncher().run(FlinkSmokePipeline.create(options)))
        .isInstanceOf(FlinkClusterException.class)
        .hasMessageContaining("--parallelism=99 needs 99 task slots");
  }

  @Test
  void missingPipelineJarFailsBeforeSubmission() {
    FlinkSmokeOptions options = options(List.of("--runner=FlinkRunner", "--flinkMaster=" + CLUSTER.master,
        "--runName=nojar", "--filesToStage=" + runs.resolve("no-such-pipeline.jar")));
    assertThatThrownBy(() -> new PipelineLauncher().run(FlinkSmokePipeline.create(options)))
        .isInstanceOf(FlinkClusterException.class)
        .hasMessageContaining("no-such-pipeline.jar: file to stage does not exist");
  }

  /** Waits until the job's work-item vertex runs, then names a TaskManager that hosts one of its subtasks. */
  private static String taskManagerRunningTheJob(String jobName) throws InterruptedException {
    FlinkRestClient rest = CLUSTER.rest();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      var jobId = rest.findJobId(jobName);
      if (jobId.isPresent()) {
        for (JsonNode vertex : rest.get("/jobs/" + jobId.get()).path("vertices")) {
          if (vertex.path("name").asText().contains("CountHits") && vertex.path("status").asText().equals("RUNNING")) {
            JsonNode hosts = rest.get("/jobs/" + jobId.get() + "/vertices/" + vertex.path("id").asText() + "/taskmanagers");
            for (JsonNode tm : hosts.path("taskmanagers")) {
              if (tm.path("status").asText().equals("RUNNING")) {
                return tm.path("taskmanager-id").asText();
              }
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + jobName + " never ran its work items on the cluster");
  }

  private static List<String> onCluster(String... more) {
    List<String> args = new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkMaster=" + CLUSTER.master));
    if (!CLUSTER.pipelineJar.isEmpty()) {
      args.add("--pipelineJar=" + CLUSTER.pipelineJar);
    }
    args.addAll(List.of(more));
    return args;
  }

  private static FlinkSmokeOptions options(List<String> args) {
    List<String> all = new ArrayList<>(WORKLOAD);
    all.add("--outputDir=" + runs);
    all.addAll(args);
    return PipelineOptionsSupport.parse(all, FlinkSmokeOptions.class, "flinkclusterit");
  }
}

package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.canopy.CanopyRun;

/**
 * The canopy pipeline on the real local Flink cluster (started by infra/flink/ci-integration.sh) against the
 * DirectRunner, on a reduced demo scene with the same seed: every output but run.json (timings) must be
 * byte-identical — map, STAC item, metrics, tables, plots, models. Then a TaskManager running a training is
 * killed by its PID: the restarted job must finish with the same bytes and exactly the same files, nothing
 * duplicated (no leftovers of the abandoned attempt) and nothing lost. These tests fail, not skip, without a
 * cluster.
 */
class CanopyClusterIT {

  /** A 320 x 320 px scene, 64 px patches, 7 small U-Nets for 3 epochs, the map in 3 strips. */
  private static final List<String> REDUCED = List.of("--demoSize=320", "--demoSentinel2Dates=4",
      "--demoSentinel1Dates=6", "--patchSize=64", "--blockPatches=1", "--epochs=3", "--unetDepth=3", "--unetWidth=8",
      "--tileSize=128", "--tileOverlap=16", "--stripRows=128", "--seed=11");

  private static final LocalFlinkCluster CLUSTER = new LocalFlinkCluster();

  @TempDir static Path runs;
  private static Path reference;

  @BeforeAll
  static void referenceOnDirectRunner() throws Exception {
    CLUSTER.assertPipelineJarIsFresh();
    reference = CanopyRun.execute(args("direct"), new PipelineLauncher(), System.err).folder();
  }

  @Test
  void clusterRunIsByteIdenticalToDirectRunner() throws Exception {
    List<String> args = onCluster("cluster");
    CanopyRun.Result result = CanopyRun.execute(args, new PipelineLauncher(), System.err);

    assertThat(result.outcome().runner()).isEqualTo("FlinkRunner");
    assertThat(CLUSTER.rest().job(result.outcome().flinkJobId().orElseThrow()).state()).isEqualTo("FINISHED");
    assertSameOutputs(result.folder());
  }

  @Test
  void jobSurvivesAKilledTaskManagerWithIdenticalOutput() throws Exception {
    List<String> args = onCluster("fault");
    var options = CanopyRun.options(args);
    String jobName = options.getJobName(); // fixed now, before the run reads it on another thread
    PipelineLauncher launcher = new PipelineLauncher(System.err, Duration.ofSeconds(5), Duration.ofSeconds(1));
    CompletableFuture<CanopyRun.Result> run = CompletableFuture.supplyAsync(() -> {
      try {
        return CanopyRun.execute(options, launcher, System.err);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      String victim = taskManagerRunning(jobName, "TrainAndTest");
      long pid = CLUSTER.taskManagerPid(victim);
      System.err.println("canopy fault test: killing " + victim + " (pid " + pid + ") while it trains variants");
      assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
      long killed = System.nanoTime();

      CanopyRun.Result result = run.get(8, TimeUnit.MINUTES);
      System.err.printf("canopy fault test: job finished %.1f s after the kill, %d restarts%n",
          (System.nanoTime() - killed) / 1e9, result.outcome().restarts());

      assertThat(result.outcome().restarts()).as("restarts after the TaskManager was lost").isGreaterThanOrEqualTo(1);
      assertSameOutputs(result.folder());
      try (Stream<Path> files = Files.list(result.folder().getParent())) {
        assertThat(files.map(f -> f.getFileName().toString())).as("no staging folder left").containsExactly("canopy");
      }
    } finally {
      run.cancel(true);
      CLUSTER.restoreTaskManagers();
    }
  }

  /** Same relative file names, and the same bytes for each but run.json (timings, runner, job id). */
  private static void assertSameOutputs(Path folder) throws IOException {
    TreeMap<String, Path> expected = files(reference);
    TreeMap<String, Path> actual = files(folder);
    assertThat(actual.keySet()).as("files of the run folder").containsExactlyElementsOf(expected.keySet());
    assertThat(actual.keySet()).contains("canopy_height.tif", "metrics.json", "variants.parquet", "report.md");
    for (String name : expected.keySet()) {
      if (!name.equals("run.json")) {
        // The offset, not a dump of both files; differing floats most often mean the TaskManagers ran other
        // oneDNN kernels than this JVM (ONEDNN_MAX_CPU_ISA, set for both by ci-integration.sh).
        assertThat(Files.mismatch(actual.get(name), expected.get(name)))
            .as("%s: first byte that differs from the DirectRunner's (-1: none)", name).isEqualTo(-1L);
      }
    }
  }

  private static TreeMap<String, Path> files(Path root) throws IOException {
    TreeMap<String, Path> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), p));
    }
    return out;
  }

  /** Waits until a subtask of the vertex named like {@code vertexPart} runs, then names its TaskManager. */
  private static String taskManagerRunning(String jobName, String vertexPart) throws InterruptedException {
    FlinkRestClient rest = CLUSTER.rest();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      var jobId = rest.findJobId(jobName);
      if (jobId.isPresent()) {
        for (JsonNode vertex : rest.get("/jobs/" + jobId.get()).path("vertices")) {
          if (vertex.path("name").asText().contains(vertexPart) && vertex.path("status").asText().equals("RUNNING")) {
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
    throw new AssertionError("job " + jobName + " never ran " + vertexPart + " on the cluster");
  }

  private static List<String> args(String outputName) {
    List<String> args = new ArrayList<>(REDUCED);
    args.add("--outputDir=" + runs.resolve(outputName));
    args.add("--cacheDir=" + runs.resolve("cache"));
    return args;
  }

  private static List<String> onCluster(String outputName) {
    List<String> args = args(outputName);
    args.addAll(List.of("--runner=FlinkRunner", "--flinkMaster=" + CLUSTER.master, "--parallelism=2"));
    if (!CLUSTER.pipelineJar.isEmpty()) {
      args.add("--pipelineJar=" + CLUSTER.pipelineJar);
    }
    return args;
  }
}

package org.sylva.pipelines.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The local cluster started by {@code infra/flink/start-cluster.sh}, as the cluster integration tests see
 * it: its REST address, the PID of each TaskManager (from the scripts' PID files) and a way to bring a
 * killed TaskManager back. Settings come from the system properties the {@code flink-cluster} Maven
 * profile sets.
 */
final class LocalFlinkCluster {

  final Path sylvaHome = Path.of(System.getProperty("sylva.home", "..")).toAbsolutePath().normalize();
  final Path stateDir = Path.of(System.getProperty("sylva.flink.state",
      sylvaHome.resolve("infra/flink/.cluster").toString()));
  final String master = System.getProperty("sylva.flink.master",
      System.getenv().getOrDefault("SYLVA_FLINK_MASTER", "localhost:8081"));
  final String pipelineJar = System.getProperty("sylva.flink.pipelineJar", "");

  /** Fails when the bundled pipeline jar (if one is configured) is older than the compiled classes it should hold. */
  void assertPipelineJarIsFresh() {
    if (!pipelineJar.isEmpty() && Files.exists(Path.of(pipelineJar))) {
      Path classes = Path.of(System.getProperty("sylva.flink.classes"));
      org.assertj.core.api.Assertions.assertThat(StagedFiles.isNewerThanClassDirectories(Path.of(pipelineJar), List.of(classes)))
          .as("pipeline jar %s is older than %s: build it in the same run (-Pflink-jar)", pipelineJar, classes)
          .isTrue();
    }
  }

  FlinkRestClient rest() {
    return new FlinkRestClient(FlinkMaster.parse(master), Duration.ofSeconds(5));
  }

  /** PID of a TaskManager by its resource id ({@code taskmanager-<i>}, as the scripts name them). */
  long taskManagerPid(String resourceId) throws IOException {
    Path pidFile = stateDir.resolve(resourceId + ".pid");
    if (!Files.exists(pidFile)) {
      throw new IllegalStateException("no PID file " + pidFile + ": was the cluster started by infra/flink/start-cluster.sh?");
    }
    return Long.parseLong(Files.readString(pidFile).strip());
  }

  /** Starts TaskManagers that are not running, with the settings the cluster was started with. */
  void restoreTaskManagers() throws IOException, InterruptedException {
    Properties env = new Properties();
    try (var in = Files.newBufferedReader(stateDir.resolve("cluster.env"))) {
      env.load(in);
    }
    List<String> command = new ArrayList<>(List.of(sylvaHome.resolve("infra/flink/start-cluster.sh").toString(),
        "--taskmanagers", env.getProperty("TASKMANAGERS"), "--slots", env.getProperty("SLOTS"),
        "--rest-port", env.getProperty("REST_PORT"), "--rpc-port", env.getProperty("RPC_PORT")));
    Process start = new ProcessBuilder(command).inheritIO().start();
    if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
      throw new IllegalStateException("start-cluster.sh could not restore the TaskManagers");
    }
  }
}

package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight checks against a stand-in Flink REST endpoint on loopback (answers recorded from a real
 * Flink 1.19 cluster, trimmed): each bad configuration is one clear line, and an unreachable or silent
 * master gives up after the configured timeout instead of hanging.
 */
class FlinkPreflightTest {

  private static final String CONFIG_1_19 = "{\"refresh-interval\":3000,\"flink-version\":\"1.19.0\",\"flink-revision\":\"eaffd22\"}";
  private static final String OVERVIEW_2X2 = "{\"taskmanagers\":2,\"slots-total\":4,\"slots-available\":4,"
      + "\"jobs-running\":0,\"jobs-finished\":0,\"flink-version\":\"1.19.0\"}";

  @TempDir Path dir;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void healthyClusterPasses() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19, "/overview", OVERVIEW_2X2));
    Path jar = Files.createFile(dir.resolve("pipeline.jar"));
    var overview = new FlinkPreflight(rest, "1.19.0").check(4, List.of(jar.toString()));
    assertThat(overview.taskManagers()).isEqualTo(2);
    assertThat(overview.slotsTotal()).isEqualTo(4);
  }

  @Test
  void otherFlinkLineIsRejected() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19.replace("1.19.0", "1.18.1"), "/overview", OVERVIEW_2X2));
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of()))
        .isInstanceOf(FlinkClusterException.class)
        .hasMessageContaining("runs Flink 1.18.1, but Sylva's Beam runner is built for Flink 1.19.x");
  }

  @Test
  void patchVersionsOfTheSameLineAreAccepted() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19.replace("1.19.0", "1.19.2"), "/overview", OVERVIEW_2X2));
    assertThat(new FlinkPreflight(rest, "1.19.0").check(1, List.of()).flinkVersion()).isEqualTo("1.19.0");
  }

  @Test
  void parallelismAboveTheClusterSlotsIsRejected() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19, "/overview", OVERVIEW_2X2));
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(5, List.of()))
        .hasMessageContaining("--parallelism=5 needs 5 task slots but the Flink cluster at " + rest.master() + " has 4");
  }

  @Test
  void clusterWithoutTaskManagersIsRejected() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19,
        "/overview", OVERVIEW_2X2.replace("\"taskmanagers\":2", "\"taskmanagers\":0")));
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of()))
        .hasMessageContaining("has no TaskManager registered");
  }

  @Test
  void missingFileToStageIsNamed() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", CONFIG_1_19, "/overview", OVERVIEW_2X2));
    Path missing = dir.resolve("sylva-pipelines-flink.jar");
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of("pipeline.jar=" + missing)))
        .hasMessageStartingWith(missing + ": file to stage does not exist");
  }

  @Test
  void somethingElseOnThePortIsNotTakenForFlink() throws IOException {
    FlinkRestClient rest = fakeMaster(Map.of("/config", "<html>hello</html>"));
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of()))
        .hasMessageContaining("not JSON; is --flinkMaster the REST port of a Flink cluster?");
    FlinkRestClient notFound = fakeMaster(Map.of());
    assertThatThrownBy(() -> new FlinkPreflight(notFound, "1.19.0").check(1, List.of()))
        .hasMessageContaining("answered HTTP 404 for /config");
  }

  @Test
  void closedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    FlinkRestClient rest = new FlinkRestClient(new FlinkMaster("localhost", port), Duration.ofSeconds(2));
    assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of()))
        .isInstanceOf(FlinkClusterException.class)
        .hasMessageContaining("is not reachable")
        .hasMessageContaining("infra/flink/start-cluster.sh");
  }

  @Test
  void silentMasterTimesOutInsteadOfHanging() throws IOException {
    // Accepts connections but never answers, like a hung JobManager or a firewall that drops replies.
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      FlinkRestClient rest = new FlinkRestClient(new FlinkMaster("127.0.0.1", silent.getLocalPort()), Duration.ofMillis(500));
      assertThatThrownBy(() -> new FlinkPreflight(rest, "1.19.0").check(1, List.of()))
          .hasMessageContaining("did not answer /config within");
    }
  }

  @Test
  void versionLinesCompareMajorAndMinor() {
    assertThat(FlinkPreflight.minorLine("1.19.0")).isEqualTo("1.19");
    assertThat(FlinkPreflight.minorLine("1.19-SNAPSHOT")).isEqualTo("1.19");
    assertThat(FlinkPreflight.minorLine("2.0.1")).isEqualTo("2.0");
  }

  private FlinkRestClient fakeMaster(Map<String, String> answers) throws IOException {
    if (server != null) {
      server.stop(0);
    }
    server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = answers.get(exchange.getRequestURI().getPath());
      byte[] bytes = (body == null ? "{\"errors\":[\"Not found\"]}" : body).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return new FlinkRestClient(new FlinkMaster("127.0.0.1", server.getAddress().getPort()), Duration.ofSeconds(2));
  }
}

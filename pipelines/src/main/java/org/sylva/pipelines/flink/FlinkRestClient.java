package org.sylva.pipelines.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small read-only client of Flink's REST API (the one the web UI uses): cluster overview, version, jobs,
 * their vertices and failures. Every request has a short connect and read timeout so a wrong address or a
 * hung master becomes a one-line {@link FlinkClusterException} within seconds, never a hang.
 */
public final class FlinkRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FlinkMaster master;
  private final Duration timeout;
  private final HttpClient http;

  public FlinkRestClient(FlinkMaster master, Duration timeout) {
    this.master = master;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public FlinkMaster master() {
    return master;
  }

  /** Task managers, slots and jobs of the cluster ({@code GET /overview}). */
  public ClusterOverview overview() {
    JsonNode o = get("/overview");
    return new ClusterOverview(o.path("flink-version").asText(""), o.path("taskmanagers").asInt(),
        o.path("slots-total").asInt(), o.path("slots-available").asInt(), o.path("jobs-running").asInt());
  }

  /** The Flink version the cluster runs ({@code GET /config}). */
  public String flinkVersion() {
    String version = get("/config").path("flink-version").asText("");
    if (version.isEmpty()) {
      throw new FlinkClusterException("Flink master " + master + " does not report a Flink version on /config;"
          + " is it a Flink REST endpoint?");
    }
    return version;
  }

  /** The most recently started job with this name, if the cluster knows one. */
  public Optional<String> findJobId(String jobName) {
    String best = null;
    long bestStart = Long.MIN_VALUE;
    for (JsonNode job : get("/jobs/overview").path("jobs")) {
      if (jobName.equals(job.path("name").asText()) && job.path("start-time").asLong() > bestStart) {
        bestStart = job.path("start-time").asLong();
        best = job.path("jid").asText();
      }
    }
    return Optional.ofNullable(best);
  }

  /** State, vertex progress, record counts and restarts of one job. */
  public JobStatus job(String jobId) {
    JsonNode job = get("/jobs/" + jobId);
    List<JobStatus.Vertex> vertices = new ArrayList<>();
    for (JsonNode v : job.path("vertices")) {
      JsonNode m = v.path("metrics");
      vertices.add(new JobStatus.Vertex(v.path("name").asText(), v.path("status").asText(),
          v.path("parallelism").asInt(), m.path("read-records").asLong(), m.path("write-records").asLong()));
    }
    return new JobStatus(jobId, job.path("name").asText(), job.path("state").asText(), vertices, restarts(jobId));
  }

  /** First line of the root exception Flink recorded for a job, if any. */
  public Optional<String> rootException(String jobId) {
    JsonNode exceptions = get("/jobs/" + jobId + "/exceptions");
    String root = exceptions.path("root-exception").asText("");
    if (root.isEmpty()) {
      JsonNode entries = exceptions.path("exceptionHistory").path("entries");
      root = entries.isEmpty() ? "" : entries.get(0).path("stacktrace").asText("");
    }
    return root.isBlank() ? Optional.empty() : Optional.of(root.lines().findFirst().orElse(root));
  }

  private int restarts(String jobId) {
    for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
      return metric.path("value").asInt();
    }
    return 0;
  }

  /** GET a REST path and parse the JSON answer; every failure is a one-line {@link FlinkClusterException}. */
  public JsonNode get(String path) {
    HttpRequest request = HttpRequest.newBuilder(master.restUri(path)).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new FlinkClusterException("Flink master " + master + " did not answer " + path + " within "
          + timeout.toSeconds() + " s; is --flinkMaster the REST port of a running cluster?", e);
    } catch (ConnectException e) {
      throw new FlinkClusterException("Flink master " + master + " is not reachable (connection refused);"
          + " start a cluster with infra/flink/start-cluster.sh or fix --flinkMaster", e);
    } catch (IOException e) {
      throw new FlinkClusterException("Flink master " + master + " is not reachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkClusterException("interrupted while asking Flink master " + master + " for " + path, e);
    }
    if (response.statusCode() != 200) {
      throw new FlinkClusterException("Flink master " + master + " answered HTTP " + response.statusCode()
          + " for " + path + "; is --flinkMaster the REST port of a Flink cluster?");
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new FlinkClusterException("Flink master " + master + " answered " + path
          + " with something that is not JSON; is --flinkMaster the REST port of a Flink cluster?", e);
    }
  }

  /** What {@code GET /overview} says about a cluster. */
  public record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable,
      int jobsRunning) {}
}

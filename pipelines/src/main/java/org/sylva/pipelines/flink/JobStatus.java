package org.sylva.pipelines.flink;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A snapshot of one Flink job as its REST API reports it: state, vertices with their status and record
 * counts, and how often the job restarted after failures.
 */
public record JobStatus(String id, String name, String state, List<Vertex> vertices, int restarts) {

  private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

  public JobStatus {
    vertices = List.copyOf(vertices);
  }

  /** One job vertex (a chain of Beam transforms run as one Flink task). */
  public record Vertex(String name, String status, int parallelism, long recordsIn, long recordsOut) {}

  public boolean isTerminal() {
    return TERMINAL.contains(state);
  }

  public long verticesFinished() {
    return vertices.stream().filter(v -> v.status().equals("FINISHED")).count();
  }

  public long recordsIn() {
    return vertices.stream().mapToLong(Vertex::recordsIn).sum();
  }

  public long recordsOut() {
    return vertices.stream().mapToLong(Vertex::recordsOut).sum();
  }

  /** One status line, e.g. {@code RUNNING, records in 1200 out 1180, 1 restart}. */
  public String summary() {
    return String.format(Locale.ROOT, "%s, records in %d out %d%s", state, recordsIn(), recordsOut(),
        restarts == 0 ? "" : ", " + restarts + (restarts == 1 ? " restart" : " restarts"));
  }
}

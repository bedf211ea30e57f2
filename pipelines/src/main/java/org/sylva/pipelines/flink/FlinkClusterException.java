package org.sylva.pipelines.flink;

/**
 * A Flink cluster cannot take or finish a Sylva job: unreachable master, wrong Flink version, too few
 * slots, a file to stage missing, or the job failed on the cluster. The message is one line a user can act
 * on; the CLI prints it as {@code sylva: <message>}.
 */
public final class FlinkClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FlinkClusterException(String message) {
    super(message);
  }

  public FlinkClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}

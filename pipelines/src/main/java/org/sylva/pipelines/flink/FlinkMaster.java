package org.sylva.pipelines.flink;

import java.net.URI;

/**
 * The address of a Flink cluster's REST endpoint as given by {@code --flinkMaster}: {@code host:port},
 * optionally with an {@code http://} prefix. Beam's special values {@code [local]}, {@code [auto]} and
 * {@code [collection]} (an in-process cluster or the cluster a jar was submitted to) are not remote
 * addresses; {@link #isRemote} tells them apart.
 */
public record FlinkMaster(String host, int port) {

  public FlinkMaster {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("Flink master host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Flink master port " + port + " is not a TCP port");
    }
  }

  /** Whether {@code flinkMaster} names a remote cluster rather than one of Beam's special values. */
  public static boolean isRemote(String flinkMaster) {
    return flinkMaster != null && !flinkMaster.isBlank() && !flinkMaster.startsWith("[");
  }

  /** Parses {@code host:port} or {@code http://host:port}; without a port, Flink's REST default 8081. */
  public static FlinkMaster parse(String flinkMaster) {
    if (!isRemote(flinkMaster)) {
      throw new IllegalArgumentException("--flinkMaster=" + flinkMaster + " is not a host:port address");
    }
    String spec = flinkMaster.contains("://") ? flinkMaster : "http://" + flinkMaster;
    try {
      URI uri = URI.create(spec);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("--flinkMaster=" + flinkMaster + " is not a host:port address");
      }
      return new FlinkMaster(uri.getHost(), uri.getPort() == -1 ? 8081 : uri.getPort());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--flinkMaster=" + flinkMaster + " is not a host:port address", e);
    }
  }

  public URI restUri(String path) {
    return URI.create("http://" + host + ":" + port + path);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}

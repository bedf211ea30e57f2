package org.sylva.pipelines.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * Checks, before a pipeline is translated and submitted, that the Flink cluster can take it: the master
 * answers, it runs the Flink line Sylva's Beam runner is built for, it has enough task slots for the
 * requested parallelism, and every file to stage exists. Each problem is one line within seconds; without
 * these checks a wrong address hangs in Flink's client retries and a version mismatch fails deep inside
 * job deployment with a serialization error.
 */
public final class FlinkPreflight {

  private final FlinkRestClient rest;
  private final String runnerFlinkVersion;

  public FlinkPreflight(FlinkRestClient rest) {
    this(rest, EnvironmentInformation.getVersion());
  }

  /** With an explicit client-side Flink version (the one Beam's Flink runner brings); for tests. */
  FlinkPreflight(FlinkRestClient rest, String runnerFlinkVersion) {
    this.rest = rest;
    this.runnerFlinkVersion = runnerFlinkVersion;
  }

  /** Runs every check; returns the cluster overview when all pass. */
  public FlinkRestClient.ClusterOverview check(int parallelism, List<String> filesToStage) {
    checkFilesToStage(filesToStage);
    String clusterVersion = rest.flinkVersion();
    if (!minorLine(clusterVersion).equals(minorLine(runnerFlinkVersion))) {
      throw new FlinkClusterException("Flink cluster at " + rest.master() + " runs Flink " + clusterVersion
          + ", but Sylva's Beam runner is built for Flink " + minorLine(runnerFlinkVersion)
          + ".x (client has " + runnerFlinkVersion + "); start a Flink " + minorLine(runnerFlinkVersion)
          + " cluster (infra/flink/start-cluster.sh)");
    }
    FlinkRestClient.ClusterOverview overview = rest.overview();
    if (overview.taskManagers() == 0) {
      throw new FlinkClusterException("Flink cluster at " + rest.master()
          + " has no TaskManager registered; start some (infra/flink/start-cluster.sh) and retry");
    }
    if (parallelism > overview.slotsTotal()) {
      throw new FlinkClusterException("--parallelism=" + parallelism + " needs " + parallelism
          + " task slots but the Flink cluster at " + rest.master() + " has " + overview.slotsTotal()
          + "; lower --parallelism or add TaskManagers");
    }
    return overview;
  }

  /** Every file to stage must exist before Beam zips and uploads them (else Beam fails late and vaguely). */
  public static void checkFilesToStage(List<String> filesToStage) {
    if (filesToStage == null) {
      return;
    }
    for (String file : filesToStage) {
      // Beam accepts "name=path" to stage a file under another name.
      String path = file.contains("=") ? file.substring(file.indexOf('=') + 1) : file;
      if (!Files.exists(Path.of(path))) {
        throw new FlinkClusterException(path + ": file to stage does not exist (build the pipeline jar with"
            + " 'mvn -B package -DskipTests -Pflink-jar -pl pipelines -am' or fix --filesToStage)");
      }
    }
  }

  /** "1.19.0" and "1.19-SNAPSHOT" both give "1.19". */
  static String minorLine(String version) {
    String[] parts = version.split("[.-]");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
  }
}

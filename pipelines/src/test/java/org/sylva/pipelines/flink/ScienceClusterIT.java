package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.cli.SylvaCli;

/**
 * The PINN sweep and the time-series benchmark submitted through the {@code sylva} command to the real local
 * Flink cluster (started by infra/flink/ci-integration.sh): each must finish there and give the same numbers as on
 * the DirectRunner (same seed, one PyTorch thread per training, so training is bit-identical). Timing columns
 * differ by nature and are left out. Fails, never skips, without a cluster.
 */
class ScienceClusterIT {

  private static final LocalFlinkCluster CLUSTER = new LocalFlinkCluster();

  @TempDir static Path runs;

  @BeforeAll
  static void freshJar() {
    CLUSTER.assertPipelineJarIsFresh();
  }

  @Test
  void pinnSweepGivesTheDirectRunnersErrors() throws Exception {
    List<String> args = List.of("pinn", "--profile=quick", "--pde=heat,poisson", "--seed=3");
    Map<String, String> direct = column(run(args, "pinn-direct", false).resolve("pinn/results.csv"), "label", "relative_l2");
    Map<String, String> cluster = column(run(args, "pinn-cluster", true).resolve("pinn/results.csv"), "label", "relative_l2");

    assertThat(direct).hasSize(2);
    assertThat(Double.parseDouble(direct.values().iterator().next())).as("quick heat PINN error").isLessThan(1e-2);
    assertThat(cluster).isEqualTo(direct);
  }

  @Test
  void tscBenchmarkGivesTheDirectRunnersAccuracies() throws Exception {
    List<String> args = List.of("tsc", "--datasets=CBF,SyntheticControl", "--models=FCN", "--epochs=2", "--seed=3");
    Map<String, String> direct = column(run(args, "tsc-direct", false).resolve("tsc/accuracy_runs.csv"), "dataset", "accuracy");
    Map<String, String> cluster = column(run(args, "tsc-cluster", true).resolve("tsc/accuracy_runs.csv"), "dataset", "accuracy");

    assertThat(direct).containsOnlyKeys("CBF", "SyntheticControl");
    assertThat(cluster).isEqualTo(direct);
  }

  private static Path run(List<String> command, String outputName, boolean onCluster) {
    Path out = runs.resolve(outputName);
    List<String> args = new ArrayList<>(command);
    args.add("--outputDir=" + out);
    if (onCluster) {
      args.addAll(List.of("--runner=FlinkRunner", "--flink-master=" + CLUSTER.master, "--parallelism=2"));
      if (!CLUSTER.pipelineJar.isEmpty()) {
        args.add("--pipelineJar=" + CLUSTER.pipelineJar);
      }
    }
    assertThat(SylvaCli.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
    return out;
  }

  /** {@code key -> value} columns of a CSV table with a header line (values without commas). */
  private static Map<String, String> column(Path csv, String key, String value) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, String> out = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      out.put(cells[header.indexOf(key)], cells[header.indexOf(value)]);
    }
    return out;
  }
}

package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke pipeline on the DirectRunner: per-group counts equal a plain loop over the same seeded
 * generators, and the output bytes do not depend on the runner's parallelism (the property the cluster
 * equivalence test relies on).
 */
class EstimatePiTest {

  private static final int ELEMENTS = 23;
  private static final int SAMPLES = 20_000;
  private static final int GROUPS = 5;
  private static final long SEED = 7;

  @TempDir Path runs;

  @Test
  void summaryCountsMatchAPlainLoopAndIgnoreParallelism() throws Exception {
    String single = run("one", 1);
    String parallel = run("four", 4);
    assertThat(parallel).isEqualTo(single);

    List<String> lines = single.lines().toList();
    assertThat(lines.get(0)).isEqualTo("# Monte-Carlo estimate of pi, 20000 samples per item, seed 7");
    assertThat(lines.get(1)).isEqualTo("group\titems\thits");
    long totalHits = 0;
    for (int g = 0; g < GROUPS; g++) {
      long items = 0;
      long hits = 0;
      for (long i = g; i < ELEMENTS; i += GROUPS) {
        items++;
        hits += EstimatePi.hits(SEED, i, SAMPLES);
      }
      totalHits += hits;
      assertThat(lines.get(2 + g)).isEqualTo(g + "\t" + items + "\t" + hits);
    }
    assertThat(lines.get(2 + GROUPS)).isEqualTo("total\t" + ELEMENTS + "\t" + totalHits);
    double pi = Double.parseDouble(lines.get(3 + GROUPS).substring(3));
    // 460 000 points: the standard error of 4·hits/n is about 0.0024; allow 4 of them.
    assertThat(pi).isBetween(Math.PI - 0.0097, Math.PI + 0.0097);
  }

  @Test
  void differentSeedsDrawDifferentPoints() {
    assertThat(EstimatePi.hits(1, 0, 10_000)).isNotEqualTo(EstimatePi.hits(2, 0, 10_000));
    assertThat(EstimatePi.hits(1, 0, 10_000)).isEqualTo(EstimatePi.hits(1, 0, 10_000));
  }

  private String run(String runName, int parallelism) throws Exception {
    FlinkSmokeOptions options = PipelineOptionsSupport.parse(List.of("--outputDir=" + runs, "--runName=" + runName,
        "--elements=" + ELEMENTS, "--samplesPerElement=" + SAMPLES, "--groups=" + GROUPS, "--seed=" + SEED,
        "--targetParallelism=" + parallelism), FlinkSmokeOptions.class, "estimatepitest");
    RunOutcome outcome = new PipelineLauncher().run(FlinkSmokePipeline.create(options));
    assertThat(outcome.runner()).isEqualTo("DirectRunner");
    assertThat(outcome.state()).isEqualTo("DONE");
    Path summary = Path.of(FlinkSmokePipeline.summaryLocation(options));
    try (var files = Files.list(summary.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(FlinkSmokePipeline.SUMMARY_FILE);
    }
    return Files.readString(summary);
  }
}

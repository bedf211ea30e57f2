package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/** A miniature {@code sylva bench unet} (tiny network and raster): the report is complete, not timed. */
class UnetBenchTest {

  private static final String[] TINY = {"bench", "unet", "--size", "96", "--depth", "2", "--base-width", "4", "--tile", "64",
      "--overlap", "16", "--margin", "4", "--patch", "32", "--train-batch", "2", "--steps", "1", "--repeats", "1",
      "--threads", "1"};

  @TempDir Path dir;

  @Test
  void sylvaOnlyReportHasBothMeasurements() throws Exception {
    JsonNode report = run("--no-peer");
    JsonNode rows = report.get("measurements");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("tiled inference 96x96x14");
    assertThat(rows.get(0).get("sylva").asDouble()).isPositive();
    assertThat(rows.get(1).get("name").asText()).isEqualTo("training step 32x32 batch 2");
    assertThat(rows.get(1).get("peer").isNull()).isTrue();
    assertThat(dir.resolve("unet.md")).isNotEmptyFile();
  }

  /** With python3-torch, the peer runs the same architecture: equal parameter counts and a ratio per measurement. */
  @Test
  void peerRunsTheSameArchitecture() throws Exception {
    ExternalTools.requirePythonModules("torch", "numpy");
    JsonNode report = run();
    for (JsonNode row : report.get("measurements")) {
      assertThat(row.get("peer").asDouble()).isPositive();
      assertThat(row.get("speedRatio").asDouble()).isPositive();
    }
    String parameters = report.get("details").get("trainable parameters").asText();
    assertThat(parameters).matches("(\\d+) \\(Sylva\\), \\1 \\(peer\\)");
  }

  private JsonNode run(String... extra) throws Exception {
    String[] args = new String[TINY.length + extra.length + 2];
    System.arraycopy(TINY, 0, args, 0, TINY.length);
    System.arraycopy(extra, 0, args, TINY.length, extra.length);
    args[args.length - 2] = "--out";
    args[args.length - 1] = dir.toString();
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).as(err.toString()).isZero();
    return new ObjectMapper().readTree(dir.resolve("unet.json").toFile());
  }
}

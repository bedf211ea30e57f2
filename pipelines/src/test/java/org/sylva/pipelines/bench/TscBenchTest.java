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

/** The benchmark's plumbing with a token workload (no timing is asserted: timings belong to the report). */
class TscBenchTest {

  @TempDir Path dir;

  @Test
  void writesAReportWithBothSidesMeasured() throws Exception {
    ExternalTools.requirePythonModules("torch", "numpy");
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    int code = cli.execute("bench", "tsc", "--epochs", "1", "--warmup", "1", "--rounds", "1", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("tsc.json").toFile());
    JsonNode m = report.get("measurements").get(0);
    assertThat(m.get("unit").asText()).isEqualTo("epochs/s");
    assertThat(m.get("sylva").asDouble()).isPositive();
    assertThat(m.get("peer").asDouble()).isPositive();
    assertThat(m.get("peerName").asText()).startsWith("PyTorch 1.");
    assertThat(report.get("details").get("batch size").asInt()).isEqualTo(3);
    assertThat(dir.resolve("tsc.md")).content().contains("FCN training on CBF");
  }
}

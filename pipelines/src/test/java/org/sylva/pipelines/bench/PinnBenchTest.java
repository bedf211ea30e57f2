package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/** A miniature {@code sylva bench pinn} (tiny network, seconds of training): both sides run, the report is written. */
class PinnBenchTest {

  @TempDir Path out;

  @Test
  void writesTheReportWithSylvaBesidePyTorch() throws IOException {
    ExternalTools.requirePythonModules("torch", "numpy");
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("bench", "pinn", "--steps=5", "--warmup=2", "--repeats=1", "--seconds=2",
        "--collocation=200", "--width=8", "--depth=2", "--adamSteps=5", "--out=" + out);
    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("pinn.json").toFile());
    assertThat(report.get("benchmark").asText()).isEqualTo("pinn");
    JsonNode speed = report.get("measurements").get(0);
    assertThat(speed.get("name").asText()).startsWith("Adam training steps/s");
    assertThat(speed.get("sylva").asDouble()).isPositive();
    assertThat(speed.get("peer").asDouble()).isPositive();
    assertThat(report.get("measurements").findValuesAsText("name")).anyMatch(n -> n.startsWith("relative L2 error"));
    assertThat(out.resolve("pinn.md")).content().contains("| pytorch |");
  }
}

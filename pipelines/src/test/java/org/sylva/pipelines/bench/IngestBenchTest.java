package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** The ingest benchmark runs end to end on a tiny scene; Sylva's and the peer's composites agree. */
class IngestBenchTest {

  @TempDir Path dir;

  @Test
  void smallRunReportsCompositeAndGediBesideThePeers() throws Exception {
    ExternalTools.requirePythonModules("rasterio", "h5py", "numpy");
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    int code = cli.execute("bench", "ingest", "--size", "128", "--s2-dates", "2", "--runs", "1", "--gedi-shots", "300",
        "--repeats", "1", "--heap", "256m", "--threads", "2", "--out", dir.toString());
    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("ingest.json").toFile());
    assertThat(report.get("measurements")).hasSize(5);
    for (JsonNode m : report.get("measurements")) {
      assertThat(m.get("sylva").asDouble()).as(m.get("name").asText()).isPositive();
      assertThat(m.get("peer").asDouble()).as(m.get("name").asText()).isPositive();
    }
    assertThat(report.at("/measurements/0/name").asText()).isEqualTo(IngestBench.COMPOSITE);
    JsonNode details = report.get("details");
    // Same composite from both tools: the B04 median checksums (sums of ~300 reflectances) agree to float32 precision.
    assertThat(details.get("sylvaChecksumB04").asDouble()).isCloseTo(details.get("peerChecksumB04").asDouble(), within(1e-3));
    assertThat(details.get("sylvaHeapLimitMiB").asLong()).isLessThanOrEqualTo(256);
  }
}

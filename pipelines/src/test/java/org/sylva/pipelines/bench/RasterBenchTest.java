package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/** The raster benchmark runs end to end on a small band and reports every measurement beside its peer. */
class RasterBenchTest {

  @TempDir Path dir;

  @Test
  void smallRunWritesAReportWithEveryMeasurementAndTarget() throws Exception {
    ExternalTools.requireProgram("gdal_translate");
    ExternalTools.requirePythonModules("rasterio");
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    int code = cli.execute("bench", "raster", "--size", "700", "--windows", "2", "--repeats", "1", "--window-size", "256",
        "--out", dir.toString());
    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("raster.json").toFile());
    assertThat(report.get("measurements")).hasSize(6);
    for (JsonNode m : report.get("measurements")) {
      assertThat(m.get("sylva").asDouble()).as(m.get("name").asText()).isPositive();
      assertThat(m.get("peer").asDouble()).as(m.get("name").asText()).isPositive();
    }
    assertThat(report.at("/measurements/0/name").asText()).isEqualTo("COG write");
    assertThat(report.at("/measurements/0/targetRatio").asDouble()).isEqualTo(0.7);
    assertThat(report.at("/measurements/2/targetRatio").asDouble()).isEqualTo(0.8);
    assertThat(Files.readString(dir.resolve("raster.md"))).contains("| COG write | MB/s |");
    assertThat(dir.resolve("raster-work")).doesNotExist();
  }
}

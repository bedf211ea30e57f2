package org.sylva.pipelines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/** {@code sylva demo-scene} and {@code sylva ingest} on a tiny scene, with their one-line errors. */
class DemoSceneCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void writesASceneThatIngestReadsAndRefusesToOverwriteIt() throws Exception {
    Path scene = dir.resolve("scene");
    assertThat(run("demo-scene", "--seed", "4", "--out", scene.toString(), "--size", "96", "--s2-dates", "2",
        "--s1-dates", "2", "--threads", "2")).as(err.toString()).isZero();
    assertThat(out.toString()).contains(scene + ": demo scene (seed 4, 96x96 px of 10 m, EPSG:32630)")
        .contains("2 Sentinel-2 L2A items, 2 Sentinel-1 RTC items").contains("GEDI coverage after the default filters");
    assertThat(scene.resolve("catalog.json")).isRegularFile();
    assertThat(scene.resolve("truth/canopy_height.tif")).isRegularFile();

    assertThat(run("demo-scene", "--out", scene.toString(), "--size", "96")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("sylva: " + scene.toAbsolutePath()
        + ": folder exists and is not empty (choose another folder or replace it)");

    Path ingested = dir.resolve("ingested");
    assertThat(run("ingest", "--scene", scene.toString(), "--out", ingested.toString(), "--tile-size", "64",
        "--threads", "2", "--no-secondary-statistics", "--rasterization", "centre")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Sentinel-2: 2 of 2 acquisitions").contains("Sentinel-1: 2 of 2 acquisitions")
        .contains("report: " + ingested.resolve("ingest.json"));
    assertThat(Files.readString(ingested.resolve("ingest.json"))).contains("\"rasterization\" : \"CENTRE_PIXEL\"")
        .contains("\"bands\" : [ \"B02\", \"B03\", \"B04\", \"B05\", \"B06\", \"B07\", \"B08\", \"B8A\", \"B11\", \"B12\", \"count\" ]");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("demo-scene", "--out", dir.resolve("x").toString(), "--size", "63")).isEqualTo(2);
    assertThat(err.toString()).contains("scene size must be even and at least 64 × 64 pixels, got 63x63");
    assertThat(dir.resolve("x")).doesNotExist();
    err.getBuffer().setLength(0);
    assertThat(run("ingest", "--scene", dir.toString(), "--out", dir.resolve("y").toString(), "--s2-statistic", "mode"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--s2-statistic must be mean or median, got mode");
    err.getBuffer().setLength(0);
    assertThat(run("ingest", "--out", dir.resolve("y").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Error: Missing required argument (specify one of these): (--scene=DIR | --stac=PATH | --s2-folder=DIR)");
  }

  @Test
  void missingSceneIsOneLine() {
    Path nowhere = dir.resolve("nowhere");
    assertThat(run("ingest", "--stac", nowhere.toString(), "--gedi", dir.toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("sylva: " + nowhere.toAbsolutePath() + ": no such file");
  }
}

package org.sylva.pipelines.canopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.common.RunManifest;

class RunFolderTest {

  @TempDir Path out;

  @Test
  void runFolderAppearsWholeAndOnlyAtTheEnd() throws Exception {
    Files.createDirectories(out.resolve("canopy"));
    Files.writeString(out.resolve("canopy/report.md"), "previous run");

    RunFolder folder = RunFolder.prepare(out.toString(), "canopy", "");
    RunLayout layout = folder.layout();
    Files.writeString(layout.report(), "new run");
    Files.createDirectories(layout.mapStrips());
    Files.writeString(layout.mapStrips().resolve("strip-0000.f32"), "spool");
    Files.writeString(layout.root().resolve(".canopy_height.tif.1234.tmp"), "abandoned by a killed worker");
    StageTimer.start(layout, "dataset", "", "test").done("ok");
    assertThat(Files.readString(out.resolve("canopy/report.md"))).as("old run untouched while the new one runs")
        .isEqualTo("previous run");

    String target = folder.finish(new RunManifest("canopy", 1, Instant.parse("2024-01-01T00:00:00Z")));

    assertThat(Path.of(target)).isEqualTo(out.resolve("canopy"));
    assertThat(Files.readString(out.resolve("canopy/report.md"))).isEqualTo("new run");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(p -> !p.equals(out)).map(p -> out.relativize(p).toString()))
          .as("no staging folder, no hidden leftovers, no old run")
          .containsExactlyInAnyOrder("canopy", "canopy/report.md", "canopy/run.json");
    }
    assertThat(Files.readString(out.resolve("canopy/run.json"))).contains("\"dataset\"");
  }

  @Test
  void failedRunLeavesThePreviousRunAndNoStaging() throws Exception {
    Files.createDirectories(out.resolve("canopy"));
    Files.writeString(out.resolve("canopy/report.md"), "previous run");
    RunFolder folder = RunFolder.prepare(out.toString(), "canopy", "");
    Files.writeString(folder.layout().report(), "half");
    folder.discard();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("canopy");
    }
    assertThat(Files.readString(out.resolve("canopy/report.md"))).isEqualTo("previous run");
  }

  @Test
  void leftoverStagingOfAKilledRunIsClearedAndNamesAreChecked() throws Exception {
    Files.createDirectories(out.resolve(".canopy.partial/variants"));
    Files.writeString(out.resolve(".canopy.partial/variants/half.json"), "{");
    RunFolder folder = RunFolder.prepare(out.toString(), "canopy", "");
    try (Stream<Path> files = Files.list(folder.staging())) {
      assertThat(files).isEmpty();
    }
    assertThatThrownBy(() -> RunFolder.prepare(out.toString(), "../x", "")).hasMessageContaining("plain folder name");
    assertThatThrownBy(() -> RunFolder.prepare("nosuchscheme://bucket/runs", "canopy", ""))
        .hasMessageContaining("No filesystem found for scheme nosuchscheme");
  }
}

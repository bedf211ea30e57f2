package org.sylva.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedRunFolderTest {

  @TempDir Path out;

  @Test
  void aCommittedRunReplacesTheEarlierOneOnlyAtTheEnd() throws Exception {
    Files.createDirectories(out.resolve("run/sub"));
    Files.writeString(out.resolve("run/report.md"), "earlier run");
    Files.writeString(out.resolve("run/sub/only-in-earlier.csv"), "x");

    StagedRunFolder folder = StagedRunFolder.prepare(out, "run");
    Files.writeString(folder.staging().resolve("report.md"), "new run");
    Files.writeString(folder.staging().resolve(".report.md.123.tmp"), "abandoned temporary file");
    assertThat(Files.readString(out.resolve("run/report.md"))).as("earlier run untouched while the new one runs")
        .isEqualTo("earlier run");

    assertThat(folder.commit()).isEqualTo(out.resolve("run"));
    assertThat(Files.readString(out.resolve("run/report.md"))).isEqualTo("new run");
    assertThat(names()).as("no staging, no hidden leftovers, nothing of the earlier run")
        .containsExactlyInAnyOrder("run", "run/report.md");
  }

  @Test
  void aDiscardedRunLeavesTheEarlierOneAsItWas() throws Exception {
    Files.createDirectories(out.resolve("run"));
    Files.writeString(out.resolve("run/report.md"), "earlier run");
    StagedRunFolder folder = StagedRunFolder.prepare(out, "run");
    Files.writeString(folder.staging().resolve("report.md"), "half written");

    folder.discard();

    assertThat(names()).containsExactlyInAnyOrder("run", "run/report.md");
    assertThat(Files.readString(out.resolve("run/report.md"))).isEqualTo("earlier run");
  }

  @Test
  void stagingLeftByAKilledRunIsClearedAndRunNamesAreChecked() throws Exception {
    Files.createDirectories(out.resolve(".run.partial/data"));
    Files.writeString(out.resolve(".run.partial/data/stale.tsv"), "from a killed run");

    StagedRunFolder folder = StagedRunFolder.prepare(out, "run");

    assertThat(folder.staging()).isEqualTo(out.resolve(".run.partial")).isEmptyDirectory();
    for (String bad : new String[] {"", "a/b", ".hidden", "..", "a\\b"}) {
      assertThatThrownBy(() -> StagedRunFolder.prepare(out, bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("--runName must be a plain folder name, got '" + bad + "'");
    }
  }

  private java.util.List<String> names() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(p -> !p.equals(out)).map(p -> out.relativize(p).toString()).toList();
    }
  }
}

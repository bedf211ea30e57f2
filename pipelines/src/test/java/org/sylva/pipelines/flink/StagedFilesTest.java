package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesTest {

  @TempDir Path dir;

  @Test
  void flinkAndTestJarsStayHomeEverythingWorkersRunIsStaged() {
    assertThat(StagedFiles.neededByWorkers("/m2/org/apache/flink/flink-runtime-1.19.0.jar")).isFalse();
    assertThat(StagedFiles.neededByWorkers("/m2/flink-shaded-guava-31.1-jre-17.0.jar")).isFalse();
    assertThat(StagedFiles.neededByWorkers("/m2/beam-runners-direct-java-2.62.0.jar")).isFalse();
    assertThat(StagedFiles.neededByWorkers("/m2/junit-jupiter-api-5.14.1.jar")).isFalse();
    assertThat(StagedFiles.neededByWorkers("/m2/beam-runners-flink-1.19-2.62.0.jar")).isTrue();
    assertThat(StagedFiles.neededByWorkers("/m2/flink-connector-datagen-1.19.0.jar")).isTrue();
    assertThat(StagedFiles.neededByWorkers("/m2/pytorch-native-cpu-2.7.1-linux-x86_64.jar")).isTrue();
    assertThat(StagedFiles.neededByWorkers("/work/sylva/pipelines/target/classes")).isTrue();
  }

  @Test
  void bundleOlderThanAnyCompiledClassIsStale() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/org/sylva"));
    Path clazz = Files.writeString(classes.resolve("A.class"), "x");
    Path jar = Files.writeString(dir.resolve("sylva-pipelines-1-flink.jar"), "jar");
    Instant now = Instant.now();
    Files.setLastModifiedTime(clazz, FileTime.from(now.minusSeconds(60)));
    Files.setLastModifiedTime(jar, FileTime.from(now));
    assertThat(StagedFiles.isNewerThanClassDirectories(jar, List.of(dir.resolve("classes")))).isTrue();
    Files.setLastModifiedTime(clazz, FileTime.from(now.plusSeconds(60)));
    assertThat(StagedFiles.isNewerThanClassDirectories(jar, List.of(dir.resolve("classes")))).isFalse();
  }

  @Test
  void namedBundleWins() {
    assertThat(StagedFiles.bundledJar("/opt/flink/usrlib/sylva-pipelines.jar")).contains(Path.of("/opt/flink/usrlib/sylva-pipelines.jar"));
  }
}

package org.sylva.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFiles.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFiles.writeStream(target, out -> {
      out.write("half".getBytes());
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void outputKeepsTheUsualPermissionsNotOwnerOnly() throws IOException {
    Path target = dir.resolve("map.png");
    AtomicFiles.writeString(target, "x");
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void writeCreatesParentDirectories() throws IOException {
    Path target = dir.resolve("a/b/c.txt");
    AtomicFiles.writeString(target, "x");
    assertThat(Files.readString(target)).isEqualTo("x");
  }
}

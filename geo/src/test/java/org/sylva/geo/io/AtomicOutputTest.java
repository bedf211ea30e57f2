package org.sylva.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path dir;

  @Test
  void aFolderIsReplacedWholeOrNotAtAll() throws Exception {
    Path target = dir.resolve("scene");
    AtomicOutput.writeDirectory(target, false, d -> Files.writeString(d.resolve("a.tif"), "first"));

    assertThatThrownBy(() -> AtomicOutput.writeDirectory(target, true, d -> {
      Files.writeString(d.resolve("a.tif"), "second, half written");
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target.resolve("a.tif"))).isEqualTo("first");
    assertThat(entries()).containsExactly("scene");

    AtomicOutput.writeDirectory(target, true, d -> Files.writeString(d.resolve("b.tif"), "second"));
    assertThat(target.resolve("a.tif")).doesNotExist();
    assertThat(Files.readString(target.resolve("b.tif"))).isEqualTo("second");
    assertThat(entries()).as("neither the temporary nor the old folder is left").containsExactly("scene");
  }

  @Test
  void aFolderIsNotReplacedUnlessAsked() throws Exception {
    Path target = dir.resolve("scene");
    AtomicOutput.writeDirectory(target, false, d -> Files.writeString(d.resolve("a.tif"), "first"));

    assertThatThrownBy(() -> AtomicOutput.writeDirectory(target, false, d -> Files.writeString(d.resolve("a.tif"), "x")))
        .hasMessage(target + ": folder exists and is not empty (choose another folder or replace it)");
    assertThat(Files.readString(target.resolve("a.tif"))).isEqualTo("first");
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Path staging = Files.createDirectory(dir.resolve("staging"));
    assertThatThrownBy(() -> AtomicOutput.replaceDirectory(staging, file))
        .hasMessage(file + ": exists and is not a folder");
    assertThat(staging).isDirectory();
  }

  private java.util.List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package org.sylva.models.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes files so that readers see either the old file or the complete new one, never a partial file:
 * data goes to a hidden temporary file beside the target, which is moved into place only after the writer
 * returned normally. On failure the temporary file is deleted and the target is left untouched.
 */
public final class AtomicFiles {

  /** Writes the content of a file given its (temporary) path. */
  @FunctionalInterface
  public interface PathWriter {
    void write(Path temporary) throws IOException;
  }

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, PathWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that makes owner-only (0600) files, and outputs must keep the usual permissions.
    Path temporary = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
    try {
      writer.write(temporary);
      moveIntoPlace(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  public static void writeStream(Path target, StreamWriter writer) throws IOException {
    write(target, temporary -> {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        writer.write(out);
      }
    });
  }

  public static void writeString(Path target, String content) throws IOException {
    writeStream(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

package org.sylva.geo.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files and folders so that readers see either nothing (or the previous version) or the complete
 * new output, never a partial one: data goes to a hidden temporary path beside the target, on the same
 * file system, and is moved into place only after the writer returned normally. On failure the temporary
 * path is deleted and the target is left untouched. (The geo module's counterpart of the models module's
 * {@code AtomicFiles}, which geo cannot depend on.)
 */
public final class AtomicOutput {

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

  private AtomicOutput() {}

  /**
   * A new hidden path beside {@code target} ({@code .<name>.<random><suffix>}); nothing is created there.
   * Creates the target's parent folders.
   */
  public static Path temporarySibling(Path target, String suffix) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    long random = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toString(random, 36) + suffix);
  }

  /**
   * Writes a file through a temporary sibling created empty beforehand (with the usual permissions; a
   * {@code Files.createTempFile} would make it owner-only), then moves it onto {@code target}.
   */
  public static void write(Path target, PathWriter writer) throws IOException {
    Path temporary = Files.createFile(temporarySibling(target, ".tmp"));
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
    writeStream(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** Moves a finished temporary file onto {@code target}, atomically where the file system allows it. */
  public static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Builds a folder: {@code writer} fills a temporary sibling folder, which is then renamed to {@code target}.
   * An existing {@code target} is refused unless it is an empty folder or {@code replace} is set (then the old
   * folder is moved aside first and deleted after the new one is in place). On failure the temporary folder
   * is deleted and {@code target} is untouched.
   */
  public static void writeDirectory(Path target, boolean replace, PathWriter writer) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    requireReplaceable(absolute, replace);
    Path temporary = Files.createDirectory(temporarySibling(absolute, ".partial"));
    try {
      writer.write(temporary);
      requireReplaceable(absolute, replace); // someone may have written there meanwhile
      replaceDirectory(temporary, absolute);
    } catch (IOException | RuntimeException | Error e) {
      try {
        deleteRecursively(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup); // the first failure is the one to report
      }
      throw e;
    }
  }

  /**
   * Moves a finished folder {@code staging} onto {@code target}, on the same file system: an existing
   * {@code target} is renamed aside first and deleted once the new folder is in place, or renamed back if
   * the move failed, so {@code target} is at every moment either the old folder or the new one (for the
   * instant between the two renames, absent).
   */
  public static void replaceDirectory(Path staging, Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Files.createDirectories(absolute.getParent());
    Path old = null;
    try {
      if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(absolute)) {
          throw new IOException(absolute + ": exists and is not a folder");
        }
        old = temporarySibling(absolute, ".old");
        Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      if (old != null && !Files.exists(absolute)) {
        try {
          Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE); // put the previous version back
        } catch (IOException restore) {
          e.addSuppressed(restore); // the first failure is the one to report
        }
      }
      throw e;
    }
    if (old != null) {
      deleteRecursively(old);
    }
  }

  /** Deletes a file or folder tree if it exists. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void requireReplaceable(Path target, boolean replace) throws IOException {
    if (!Files.exists(target) || replace) {
      if (Files.exists(target) && !Files.isDirectory(target)) {
        throw new IOException(target + ": exists and is not a folder");
      }
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IOException(target + ": exists and is not a folder");
    }
    try (var entries = Files.list(target)) {
      if (entries.findAny().isPresent()) {
        throw new IOException(target + ": folder exists and is not empty (choose another folder or replace it)");
      }
    }
  }
}

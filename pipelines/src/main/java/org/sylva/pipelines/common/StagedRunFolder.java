package org.sylva.pipelines.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sylva.geo.io.AtomicOutput;

/**
 * A local run folder that comes into being whole or not at all. A run writes into the hidden staging folder
 * {@code <outputDir>/.<runName>.partial} (same file system as the target, so the final move is a rename, and
 * visible to the workers of a cluster that see the output folder); {@link #commit} drops hidden leftovers and
 * moves it onto {@code <outputDir>/<runName>}, replacing an earlier run of that name only then. A failed or
 * interrupted run leaves the earlier run folder as it was; its staging folder is removed by {@link #discard},
 * or by the next {@link #prepare} if the process was killed.
 */
public final class StagedRunFolder {

  private final Path target;
  private final Path staging;

  private StagedRunFolder(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Resolves {@code outputDir}/{@code runName} and starts an empty staging folder beside it. */
  public static StagedRunFolder prepare(Path outputDir, String runName) throws IOException {
    Path out = outputDir.toAbsolutePath().normalize();
    return new StagedRunFolder(out.resolve(requirePlainName(runName)), startStaging(out, runName));
  }

  /**
   * Starts an empty staging folder {@code <root>/.<runName>.partial}, first removing one that a killed run
   * left there; returns its absolute path.
   */
  public static Path startStaging(Path root, String runName) throws IOException {
    Path staging = root.toAbsolutePath().normalize().resolve("." + requirePlainName(runName) + ".partial");
    AtomicOutput.deleteRecursively(staging);
    Files.createDirectories(staging);
    return staging;
  }

  /** Returns {@code runName} if it names one visible folder; otherwise says why not. */
  public static String requirePlainName(String runName) {
    if (runName.isEmpty() || runName.contains("/") || runName.contains("\\") || runName.startsWith(".")) {
      throw new IllegalArgumentException("--runName must be a plain folder name, got '" + runName + "'");
    }
    return runName;
  }

  /** Where the finished run folder will be. */
  public Path target() {
    return target;
  }

  /** Where the run writes until it is committed. */
  public Path staging() {
    return staging;
  }

  /** Drops hidden leftovers and moves the staging folder into place; returns the run folder. */
  public Path commit() throws IOException {
    deleteHidden(staging);
    AtomicOutput.replaceDirectory(staging, target);
    return target;
  }

  /** Removes the staging folder after a failed run; the earlier run folder, if any, is untouched. */
  public void discard() {
    discard(staging);
  }

  /** Removes a staging folder, reporting (not throwing) a failure so the run's own error stays the one shown. */
  public static void discard(Path staging) {
    try {
      AtomicOutput.deleteRecursively(staging);
    } catch (IOException e) {
      System.err.println("sylva: could not remove " + staging + ": " + e.getMessage());
    }
  }

  /** Hidden files and folders (temporary names of abandoned attempts, spools, timings) are never outputs. */
  public static void deleteHidden(Path root) throws IOException {
    List<Path> hidden;
    try (Stream<Path> walk = Files.walk(root)) {
      hidden = walk.filter(p -> !p.equals(root) && p.getFileName().toString().startsWith(".")).toList();
    }
    for (Path p : hidden) {
      AtomicOutput.deleteRecursively(p);
    }
  }
}

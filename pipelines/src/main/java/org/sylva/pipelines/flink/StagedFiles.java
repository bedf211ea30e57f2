package org.sylva.pipelines.flink;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.construction.resources.PipelineResources;

/**
 * Which files a Flink job ships to the cluster when {@code --filesToStage} is not given.
 *
 * <p>Preferred: one bundled pipeline jar (profile {@code flink-jar}). Measured on the local cluster, Flink's
 * REST submission costs about 70 ms per staged file on top of the bytes: the ~190-file classpath took
 * 12-23 s to submit, the single 300 MB bundle 2-4 s. The bundle is used when Sylva runs from it (the
 * container image), when {@code --pipelineJar} names it, or when {@code pipelines/target} holds one that is
 * newer than every compiled class on the classpath (a stale bundle would run old code on the cluster).
 *
 * <p>Fallback: Beam's classpath detection without what the cluster already runs (Flink's own jars, loaded
 * parent-first so staged copies are never used) and what no worker needs (DirectRunner, test libraries).
 */
public final class StagedFiles {

  private static final Pattern NOT_FOR_WORKERS = Pattern.compile(
      "(flink-(?!connector)[a-z0-9-]+|beam-runners-direct-java|junit-.*|assertj-.*|archunit.*|opentest4j|apiguardian-api)"
          + "-[0-9].*\\.jar");
  private static final String BUNDLE_SUFFIX = "-flink.jar";

  private StagedFiles() {}

  public static List<String> forCluster(SylvaFlinkOptions options, PrintStream log) {
    Optional<Path> bundle = bundledJar(options.getPipelineJar());
    if (bundle.isPresent()) {
      log.println("flink: staging the pipeline jar " + bundle.get());
      return List.of(bundle.get().toString());
    }
    List<String> files = narrowedClasspath(StagedFiles.class.getClassLoader(), options);
    log.println("flink: staging " + files.size() + " classpath files (slow to submit; build the pipeline jar"
        + " with 'mvn -B package -DskipTests -Pflink-jar -pl pipelines -am' to submit in seconds)");
    return files;
  }

  /** The bundle to stage: the one named, the one Sylva runs from, or a fresh one in pipelines/target. */
  static Optional<Path> bundledJar(String named) {
    if (!named.isEmpty()) {
      return Optional.of(Path.of(named));
    }
    Optional<Path> runningFrom = codeSource().filter(p -> p.getFileName().toString().endsWith(BUNDLE_SUFFIX));
    if (runningFrom.isPresent()) {
      return runningFrom;
    }
    return builtBundle().filter(jar -> isNewerThanClassDirectories(jar, classDirectories()));
  }

  static List<String> narrowedClasspath(ClassLoader classLoader, PipelineOptions options) {
    return PipelineResources.detectClassPathResourcesToStage(classLoader, options).stream()
        .filter(StagedFiles::neededByWorkers)
        .toList();
  }

  static boolean neededByWorkers(String classpathEntry) {
    return !NOT_FOR_WORKERS.matcher(Path.of(classpathEntry).getFileName().toString()).matches();
  }

  /** A stale bundle is one older than any compiled class it would stand in for. */
  static boolean isNewerThanClassDirectories(Path jar, List<Path> classDirectories) {
    try {
      FileTime built = Files.getLastModifiedTime(jar);
      for (Path dir : classDirectories) {
        try (Stream<Path> files = Files.walk(dir)) {
          if (files.filter(Files::isRegularFile).anyMatch(f -> modified(f).compareTo(built) > 0)) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> builtBundle() {
    String home = System.getProperty("sylva.home");
    if (home == null) {
      return Optional.empty();
    }
    Path target = Path.of(home, "pipelines", "target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().startsWith("sylva-pipelines-")
          && p.getFileName().toString().endsWith(BUNDLE_SUFFIX)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> classDirectories() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .filter(Files::isDirectory)
        .toList();
  }

  private static Optional<Path> codeSource() {
    try {
      var source = StagedFiles.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

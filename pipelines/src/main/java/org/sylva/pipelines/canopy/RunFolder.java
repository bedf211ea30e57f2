package org.sylva.pipelines.canopy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.models.io.Json;
import org.sylva.pipelines.common.RunManifest;
import org.sylva.pipelines.common.StagedRunFolder;

/**
 * The run folder of a canopy run and how it comes into being without ever being half-written. The pipeline
 * writes everything into a hidden staging folder ({@code <outputDir>/.<runName>.partial}, or under
 * {@code --stagingDir} when the output is on object storage) that every worker sees; only after the pipeline
 * succeeded does the client fold the stage timings into {@code run.json}, drop hidden leftovers (temporary
 * files of attempts a restarted Flink job abandoned, strip spools), and move the folder into place in one
 * rename, replacing an earlier run of the same name only then. A run that fails or is interrupted leaves the
 * previous run folder untouched; its staging folder is removed on failure, or by the next run if the process
 * was killed.
 */
public final class RunFolder {

  private final String target;
  private final Path staging;

  private RunFolder(String target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Resolves the folders for {@code outputDir}/{@code runName} and starts a clean staging folder. */
  public static RunFolder prepare(String outputDir, String runName, String stagingDir) throws IOException {
    StagedRunFolder.requirePlainName(runName);
    if (isRemote(outputDir)) {
      // Fails now, with Beam's "No filesystem found for scheme", for a scheme whose IO module is not bundled (s3 is).
      ResourceId remote = FileSystems.matchNewResource(outputDir.replaceAll("/+$", "") + "/" + runName, true);
      Path root = stagingDir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "sylva-canopy") : Path.of(stagingDir);
      return new RunFolder(remote.toString(), StagedRunFolder.startStaging(root, runName));
    }
    Path out = Path.of(outputDir).toAbsolutePath().normalize();
    return new RunFolder(out.resolve(runName).toString(), StagedRunFolder.startStaging(out, runName));
  }

  static boolean isRemote(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !location.startsWith("file://");
  }

  public RunLayout layout() {
    return RunLayout.at(staging);
  }

  /** Where the finished run folder will be (a local path or a URI). */
  public String target() {
    return target;
  }

  public Path staging() {
    return staging;
  }

  /**
   * Adds the stage timings to {@code manifest}, writes {@code run.json} and moves the staging folder into
   * place. Returns the final location.
   */
  public String finish(RunManifest manifest) throws IOException {
    foldTimings(manifest);
    StagedRunFolder.deleteHidden(staging);
    manifest.write(staging);
    if (isRemote(target)) {
      copyToFileSystem();
      AtomicOutput.deleteRecursively(staging);
      return target;
    }
    Path finalPath = Path.of(target);
    AtomicOutput.replaceDirectory(staging, finalPath);
    return finalPath.toString();
  }

  /** Removes the staging folder after a failed run. */
  public void discard() {
    StagedRunFolder.discard(staging);
  }

  /** Stage start/end records → one duration per stage (first start to last end) and per item. */
  private void foldTimings(RunManifest manifest) throws IOException {
    Path dir = RunLayout.at(staging).timings();
    if (!Files.isDirectory(dir)) {
      return;
    }
    Map<String, Instant[]> stages = new TreeMap<>();
    Map<String, double[]> cpu = new TreeMap<>();
    Map<String, Duration> items = new TreeMap<>();
    long client = ProcessHandle.current().pid();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        if (!file.getFileName().toString().endsWith(".json")) {
          continue;
        }
        JsonNode t = Json.mapper().readTree(file.toFile());
        Instant start = Instant.parse(t.path("start").asText());
        Instant end = Instant.parse(t.path("end").asText());
        String stage = t.path("stage").asText();
        stages.merge(stage, new Instant[] {start, end}, (a, b) -> new Instant[] {
            a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        if (t.path("pid").asLong() == client) {
          // CPU seconds of this JVM from the stage's first start to its last end (DirectRunner runs).
          cpu.merge(stage, new double[] {t.path("cpuStartSeconds").asDouble(), t.path("cpuEndSeconds").asDouble()},
              (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        if (!t.path("item").asText().isEmpty()) {
          items.put(stage + "/" + t.path("item").asText(), Duration.between(start, end));
        }
      }
    }
    List<String> order = new ArrayList<>(List.of("ingest", "dataset", "train", "map", "report"));
    stages.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
    for (String stage : order) {
      Instant[] span = stages.get(stage);
      if (span != null) {
        manifest.stage(stage, Duration.between(span[0], span[1]));
      }
    }
    items.forEach(manifest::stage);
    Map<String, Double> cpuSeconds = new java.util.LinkedHashMap<>();
    for (String stage : order) {
      double[] span = cpu.get(stage);
      if (span != null) {
        cpuSeconds.put(stage, Math.round((span[1] - span[0]) * 10) / 10.0);
      }
    }
    if (!cpuSeconds.isEmpty()) {
      manifest.output("stageCpuSeconds", cpuSeconds);
    }
  }

  private void copyToFileSystem() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staging)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()
          .equals("run.json")).thenComparing(Path::toString)).toList(); // run.json last: it marks completion
    }
    for (Path file : files) {
      String relative = staging.relativize(file).toString().replace('\\', '/');
      ResourceId destination = FileSystems.matchNewResource(target.replaceAll("/+$", "") + "/" + relative, false);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(destination, MimeTypes.BINARY))) {
        Files.copy(file, out);
      }
    }
  }
}

package org.sylva.pipelines.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sylva.models.io.AtomicFiles;
import org.sylva.pipelines.cli.SylvaCli;

/**
 * The {@code run.json} of a run folder: what went in (inputs, options, seed), with which software
 * (versions), and how long each stage took. Reproducible fields (inputs, options, seed, versions) are kept
 * apart from the run-specific ones (start time, timings) so two runs can be compared field by field.
 */
public final class RunManifest {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final String pipeline;
  private final long seed;
  private final Instant started;
  private final Map<String, Object> inputs = new LinkedHashMap<>();
  private final Map<String, Object> options = new TreeMap<>();
  private final Map<String, Object> outputs = new LinkedHashMap<>();
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

  public RunManifest(String pipeline, long seed, Instant started) {
    this.pipeline = pipeline;
    this.seed = seed;
    this.started = started;
  }

  public RunManifest input(String name, Object value) {
    inputs.put(name, value);
    return this;
  }

  public RunManifest option(String name, Object value) {
    options.put(name, value);
    return this;
  }

  public RunManifest output(String name, Object value) {
    outputs.put(name, value);
    return this;
  }

  public RunManifest stage(String name, Duration took) {
    stageSeconds.put(name, took.toMillis() / 1000.0);
    return this;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeline", pipeline);
    root.put("seed", seed);
    root.put("inputs", inputs);
    root.put("options", options);
    root.put("outputs", outputs);
    root.put("versions", versions());
    root.put("started", started.toString());
    root.put("stageSeconds", stageSeconds);
    return root;
  }

  /** Writes {@code run.json} into the run folder, atomically. */
  public void write(Path runFolder) throws IOException {
    AtomicFiles.writeString(runFolder.resolve("run.json"), JSON.writeValueAsString(toMap()) + "\n");
  }

  static Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("sylva", SylvaCli.projectVersion());
    versions.put("java", System.getProperty("java.version"));
    versions.put("beam", org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion());
    versions.put("djl", ai.djl.engine.Engine.getDjlVersion());
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return versions;
  }
}

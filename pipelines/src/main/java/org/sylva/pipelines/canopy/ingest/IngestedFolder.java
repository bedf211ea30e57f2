package org.sylva.pipelines.canopy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.geo.ingest.SceneIngest;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.models.io.Json;
import org.sylva.pipelines.canopy.DeadLetter;

/**
 * A folder written by {@code sylva ingest} (composites, GEDI targets and footprints, {@code ingest.json}) as the
 * canopy pipeline's input: real Sentinel/GEDI data is ingested once, then trained on as often as needed. The
 * folder is read, never changed. Its {@code ingest.json} must name a date range (give {@code --start}/{@code --end}
 * to {@code sylva ingest}): the map's metadata and STAC item state the period it describes.
 */
public record IngestedFolder(String folder) implements SceneIngestion {

  /** {@code folder} must be absolute (workers resolve it, not the client's working directory). */
  public IngestedFolder {
    if (!Path.of(folder).isAbsolute()) {
      throw new IllegalArgumentException("ingested folder must be absolute, got " + folder);
    }
  }

  public static IngestedFolder of(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute.resolve(SceneIngest.REPORT_FILE))) {
      throw new IOException(absolute + ": no " + SceneIngest.REPORT_FILE + " (not a complete `sylva ingest` output folder)");
    }
    return new IngestedFolder(absolute.toString());
  }

  @Override
  public String describe() {
    return "ingested scene " + folder;
  }

  @Override
  public Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", "ingested");
    m.put("folder", folder);
    return m;
  }

  @Override
  public IngestedStack ingest(Path workDir, ProgressListener progress) throws IOException {
    return read(Path.of(folder), describe());
  }

  /** The stack described by {@code <folder>/ingest.json}, with its left-out inputs as dead letters. */
  static IngestedStack read(Path folder, String description) throws IOException {
    Path reportFile = folder.resolve(SceneIngest.REPORT_FILE);
    JsonNode report;
    try {
      report = Json.mapper().readTree(reportFile.toFile());
    } catch (IOException e) {
      throw new IOException(reportFile + ": unreadable ingest report: " + e.getMessage(), e);
    }
    JsonNode outputs = report.path("outputs");
    JsonNode request = report.path("request");
    if (!request.hasNonNull("start") || !request.hasNonNull("end")) {
      throw new IOException(reportFile + ": no date range; run `sylva ingest` with --start and --end");
    }
    List<DeadLetter> problems = new ArrayList<>();
    for (JsonNode p : report.path("problems")) {
      problems.add(new DeadLetter("ingest", p.path("item").asText(), p.path("stage").asText() + ": " + p.path("message").asText()));
    }
    for (JsonNode w : report.path("warnings")) {
      problems.add(new DeadLetter("ingest", "composite", w.asText()));
    }
    return new IngestedStack(description, file(folder, outputs, "sentinel2Composite", true),
        file(folder, outputs, "sentinel1Composite", false), file(folder, outputs, "targets", true),
        file(folder, outputs, "footprints", true), file(folder, outputs, "trueHeight", false),
        request.get("start").asText(), request.get("end").asText(), problems);
  }

  private static String file(Path folder, JsonNode outputs, String key, boolean required) throws IOException {
    JsonNode name = outputs.path(key).path("file");
    if (name.isMissingNode() || !Files.isRegularFile(folder.resolve(name.asText()))) {
      if (required) {
        throw new IOException(folder.resolve(SceneIngest.REPORT_FILE) + ": output " + key + " is missing");
      }
      return null;
    }
    return folder.resolve(name.asText()).toString();
  }
}

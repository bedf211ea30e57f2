package org.sylva.geo.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sylva.geo.io.AtomicOutput;

/**
 * {@code ingest.json}: what an ingestion produced — the grid, the files and their band names, the counts,
 * the options and every input left out — for people and for later pipeline steps. Written last, so its
 * presence means the outputs beside it are complete.
 */
final class IngestReportJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private IngestReportJson() {}

  static void write(IngestedScene scene, IngestRequest request) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode grid = root.putObject("grid");
    grid.put("crs", scene.grid().crsLabel());
    grid.put("width", scene.grid().width());
    grid.put("height", scene.grid().height());
    ArrayNode transform = grid.putArray("geotransform");
    for (double v : scene.grid().transform().toGdalArray()) {
      transform.add(v);
    }
    ObjectNode outputs = root.putObject("outputs");
    output(outputs, "sentinel2Composite", scene.sentinel2Composite(), scene.sentinel2Bands());
    output(outputs, "sentinel1Composite", scene.sentinel1Composite(), scene.sentinel1Bands());
    output(outputs, "footprints", scene.footprints(), List.of());
    output(outputs, "targets", scene.targets(), GediTargets.bandNames());
    scene.trueHeight().ifPresent(t -> output(outputs, "trueHeight", t, List.of("true_height")));
    root.set("counts", JSON.valueToTree(scene.counts()));
    ObjectNode options = root.putObject("request");
    request.start().ifPresent(s -> options.put("start", s.toString()));
    request.end().ifPresent(e -> options.put("end", e.toString()));
    IngestOptions o = request.options();
    options.put("sentinel2Statistic", o.sentinel2Statistic().suffix());
    options.put("sentinel1Statistic", o.sentinel1Statistic().suffix());
    options.put("secondaryStatistics", o.secondaryStatistics());
    options.put("sclMaskedClasses", o.sclMaskedClasses().toString());
    o.boaOffsetDn().ifPresent(v -> options.put("boaOffsetDn", v));
    o.sentinel1Scale().ifPresent(v -> options.put("sentinel1Scale", v.name()));
    options.put("vvVhRatio", o.vvVhRatio());
    options.put("gediMinSensitivity", o.gediFilters().minSensitivity());
    options.put("gediPowerBeamsOnly", o.gediFilters().powerBeamsOnly());
    options.put("rasterization", o.rasterization().name());
    ArrayNode problems = root.putArray("problems");
    for (IngestProblem p : scene.problems()) {
      problems.addObject().put("item", p.item()).put("stage", p.stage().name()).put("message", p.message());
    }
    ArrayNode warnings = root.putArray("warnings");
    scene.warnings().forEach(warnings::add);
    AtomicOutput.writeString(scene.report(), JSON.writeValueAsString(root) + "\n");
  }

  private static void output(ObjectNode outputs, String key, Path file, List<String> bands) {
    ObjectNode node = outputs.putObject(key);
    node.put("file", file.getFileName().toString());
    if (!bands.isEmpty()) {
      ArrayNode names = node.putArray("bands");
      bands.forEach(names::add);
    }
  }
}

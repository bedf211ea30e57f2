package org.sylva.pipelines.pinn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep written down (YAML or JSON, by extension): any field given replaces the matching command-line
 * option; lists are the grid axes. Example:
 *
 * <pre>
 * pdes: [burgers, heat]
 * parameters: {burgers: {viscosity: 0.00318}}
 * widths: [20, 40]
 * depths: [4, 8]
 * collocation: [2000, 10000]
 * weights: [{conditions: 1}, {initial: 10, boundary: 10}]
 * seeds: [1, 2]
 * adamSteps: 500
 * lbfgsIterations: 3000
 * </pre>
 */
public record SweepFile(
    String profile,
    List<String> pdes,
    Map<String, Map<String, Double>> parameters,
    List<Integer> widths,
    List<Integer> depths,
    List<Integer> collocation,
    List<Integer> conditionPoints,
    List<Map<String, Double>> weights,
    List<Long> seeds,
    Integer adamSteps,
    Double learningRate,
    Integer lbfgsIterations,
    String sampling) {

  /** Reads a sweep file; any problem is one line naming the file. */
  public static SweepFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": sweep file not found");
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".json") ? new JsonMapper() : new YAMLMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    try {
      SweepFile sweep = mapper.readValue(file.toFile(), SweepFile.class);
      if (sweep == null) {
        throw new IllegalArgumentException(file + ": sweep file is empty");
      }
      return sweep;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
      throw new IllegalArgumentException(file + ": not a valid sweep file: " + message
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read sweep file: " + e.getMessage());
    }
  }
}

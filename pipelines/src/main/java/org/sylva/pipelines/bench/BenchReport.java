package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sylva.models.io.AtomicFiles;
import org.sylva.pipelines.cli.SylvaCli;

/**
 * A benchmark's result: named measurements of Sylva beside its peer (GDAL, rasterio, PyTorch...) on the
 * same machine in the same run, and the ratios the targets are stated in. Written as
 * {@code <dir>/<name>.json} and {@code <dir>/<name>.md}. A benchmark reports what it measured; it never
 * fails because a target is missed (targets are listed beside the measured ratio).
 */
public final class BenchReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One measured quantity, e.g. "COG write" 182.4 MB/s for sylva and 201.0 MB/s for gdal_translate. */
  public record Measurement(String name, String unit, double sylva, Double peer, String peerName, boolean higherIsBetter) {
    /** sylva ÷ peer for throughputs, peer ÷ sylva for times: above 1 means Sylva is faster. */
    public Double speedRatio() {
      if (peer == null || peer == 0 || sylva == 0) {
        return null;
      }
      return higherIsBetter ? sylva / peer : peer / sylva;
    }
  }

  /** A stated target on a ratio, e.g. "COG write ≥ 0.7× GDAL". */
  public record Target(String measurement, double minimumRatio) {}

  private final String name;
  private final String description;
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  public BenchReport(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public BenchReport measure(Measurement m) {
    measurements.add(m);
    return this;
  }

  public BenchReport target(String measurement, double minimumRatio) {
    targets.add(new Target(measurement, minimumRatio));
    return this;
  }

  /** Free-form details (sizes, thread counts, per-stage times) recorded in the JSON and listed in Markdown. */
  public BenchReport detail(String key, Object value) {
    details.put(key, value);
    return this;
  }

  public List<Measurement> measurements() {
    return List.copyOf(measurements);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", name);
    root.put("description", description);
    root.put("date", Instant.now().toString());
    root.put("machine", machine());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Measurement m : measurements) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", m.name());
      row.put("unit", m.unit());
      row.put("sylva", m.sylva());
      row.put("peer", m.peer());
      row.put("peerName", m.peerName());
      row.put("speedRatio", m.speedRatio());
      targetFor(m.name()).ifPresent(t -> {
        row.put("targetRatio", t.minimumRatio());
        row.put("targetMet", m.speedRatio() != null && m.speedRatio() >= t.minimumRatio());
      });
      rows.add(row);
    }
    root.put("measurements", rows);
    root.put("details", details);
    return root;
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: ").append(name).append("\n\n").append(description).append("\n\n");
    Map<String, Object> machine = machine();
    md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("cpu"))
        .append(", Java ").append(machine.get("java")).append(".\n\n");
    md.append("| measurement | unit | sylva | peer | peer value | speed ratio | target |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Measurement m : measurements) {
      Double ratio = m.speedRatio();
      String target = targetFor(m.name())
          .map(t -> "≥ " + fmt(t.minimumRatio()) + (ratio != null && ratio >= t.minimumRatio() ? " (met)" : " (missed)"))
          .orElse("");
      md.append("| ").append(m.name()).append(" | ").append(m.unit()).append(" | ").append(fmt(m.sylva()))
          .append(" | ").append(m.peerName() == null ? "" : m.peerName())
          .append(" | ").append(m.peer() == null ? "" : fmt(m.peer()))
          .append(" | ").append(ratio == null ? "" : fmt(ratio) + "×")
          .append(" | ").append(target).append(" |\n");
    }
    if (!details.isEmpty()) {
      md.append("\n");
      details.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    }
    return md.toString();
  }

  /** Writes JSON and Markdown into {@code dir}; returns the JSON path. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve(name + ".json");
    AtomicFiles.writeString(json, JSON.writeValueAsString(toMap()) + "\n");
    AtomicFiles.writeString(dir.resolve(name + ".md"), toMarkdown());
    return json;
  }

  private java.util.Optional<Target> targetFor(String measurement) {
    return targets.stream().filter(t -> t.measurement().equals(measurement)).findFirst();
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpuModel());
    m.put("java", System.getProperty("java.version"));
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    m.put("sylva", SylvaCli.projectVersion());
    return m;
  }

  /** The machine's load average (/proc/loadavg), recorded beside timings taken on a shared machine. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}

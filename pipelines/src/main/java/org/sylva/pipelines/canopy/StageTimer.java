package org.sylva.pipelines.canopy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sylva.models.io.Json;

/**
 * Announces a stage (or one item of a parallel stage) on stderr and records when it ran, as
 * {@code .timings/<stage>[-<item>].json} in the run's staging folder. Workers on any runner write these; the
 * client folds them into {@code run.json} (a parallel stage lasts from its first start to its last end).
 */
public final class StageTimer {

  private final RunLayout layout;
  private final String stage;
  private final String item;
  private final Instant start;
  private final long startNanos;
  private final long startCpuNanos;

  private StageTimer(RunLayout layout, String stage, String item, String what) {
    this.layout = layout;
    this.stage = stage;
    this.item = item;
    this.start = Instant.now();
    this.startNanos = System.nanoTime();
    this.startCpuNanos = processCpuNanos();
    System.err.println("canopy: " + stage + (item.isEmpty() ? "" : " " + item) + ": " + what);
  }

  /** Starts timing {@code stage} (and the {@code item} of a parallel stage, else empty), printing {@code what}. */
  public static StageTimer start(RunLayout layout, String stage, String item, String what) {
    return new StageTimer(layout, stage, item, what);
  }

  /** CPU time used so far by all threads of this JVM. */
  public static long processCpuNanos() {
    var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** Seconds since the start. */
  public double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Prints the outcome and records the stage's start and end. */
  public void done(String outcome) {
    System.err.printf(Locale.ROOT, "canopy: %s%s: %s (%.1f s)%n", stage, item.isEmpty() ? "" : " " + item, outcome, seconds());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("stage", stage);
    record.put("item", item);
    record.put("start", start.toString());
    record.put("end", Instant.now().toString());
    // CPU time of the whole worker JVM over the stage: meaningful when one JVM runs the stage (DirectRunner).
    record.put("pid", ProcessHandle.current().pid());
    record.put("cpuStartSeconds", startCpuNanos / 1e9);
    record.put("cpuEndSeconds", processCpuNanos() / 1e9);
    try {
      Path file = layout.timings().resolve(stage + (item.isEmpty() ? "" : "-" + item) + ".json");
      Json.write(file, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

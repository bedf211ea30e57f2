package org.sylva.geo.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sylva.geo.gedi.GediFileReport;
import org.sylva.geo.gedi.GediFilterStep;

/**
 * The GEDI part of an ingestion: the footprint table (Parquet), the sparse target raster (COG with bands
 * {@code rh95}, {@code rh98}, {@code count}; NaN where no footprint), per-granule reports and the granules
 * left out.
 */
public record GediResult(Path footprints, Path targets, List<GediFileReport> files, long footprintCount,
    long targetPixels, List<IngestProblem> problems) {

  public GediResult {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  public long shotsRead() {
    return files.stream().mapToLong(GediFileReport::shotsRead).sum();
  }

  /** Shots dropped by each filter, summed over the granules. */
  public Map<GediFilterStep, Long> dropped() {
    Map<GediFilterStep, Long> total = new java.util.EnumMap<>(GediFilterStep.class);
    for (GediFilterStep step : GediFilterStep.values()) {
      total.put(step, files.stream().mapToLong(f -> f.dropped(step)).sum());
    }
    return total;
  }
}

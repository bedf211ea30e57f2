package org.sylva.geo.ingest;

import java.nio.file.Path;
import java.util.List;
import org.sylva.geo.composite.CompositeReport;

/**
 * One sensor's composite: the COG written, its band names in order (the last is {@code count}), how many
 * acquisitions the source offered in the date range and how many went into the composite, the compositor's
 * report (valid share, warnings) and the inputs left out.
 */
public record CompositeResult(Path file, List<String> bandNames, int itemsInRange, int itemsUsed,
    CompositeReport report, List<IngestProblem> problems) {

  public CompositeResult {
    bandNames = List.copyOf(bandNames);
    problems = List.copyOf(problems);
  }
}

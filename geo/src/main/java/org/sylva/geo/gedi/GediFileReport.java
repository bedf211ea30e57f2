package org.sylva.geo.gedi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to the shots of one granule: shots read, shots dropped by each filter (first failing
 * filter, in {@link GediFilterStep} order) and shots kept; {@code beams} lists the beam groups found and
 * {@code warnings} human-readable notes such as "no shot passed the filters".
 */
public record GediFileReport(String file, List<GediBeam> beams, long shotsRead, Map<GediFilterStep, Long> dropped,
    long kept, List<String> warnings) {

  public GediFileReport {
    beams = List.copyOf(beams);
    EnumMap<GediFilterStep, Long> all = new EnumMap<>(GediFilterStep.class);
    for (GediFilterStep step : GediFilterStep.values()) {
      all.put(step, dropped.getOrDefault(step, 0L));
    }
    dropped = Collections.unmodifiableMap(all);
    warnings = List.copyOf(warnings);
  }

  public long dropped(GediFilterStep step) {
    return dropped.get(step);
  }
}

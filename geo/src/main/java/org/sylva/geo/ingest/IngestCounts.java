package org.sylva.geo.ingest;

import java.util.Map;
import org.sylva.geo.gedi.GediFilterStep;

/**
 * How much went in: Sentinel items in the date range and used, GEDI granules read and with kept shots,
 * shots read, footprints kept (and what each filter dropped), target pixels hit by a footprint, and the
 * share of target pixels with at least one valid observation per composite.
 */
public record IngestCounts(
    int sentinel2Items,
    int sentinel2Used,
    int sentinel1Items,
    int sentinel1Used,
    int gediFiles,
    int gediFilesWithFootprints,
    long gediShotsRead,
    long footprints,
    long targetPixels,
    Map<GediFilterStep, Long> gediDropped,
    double sentinel2ValidShare,
    double sentinel1ValidShare) {

  public IngestCounts {
    gediDropped = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(gediDropped));
  }
}

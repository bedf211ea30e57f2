package org.sylva.geo.gedi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.opengis.referencing.operation.TransformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns GEDI L2A granules into filtered footprints in a target CRS: reads one beam at a time
 * ({@link GediL2aReader}), applies the {@link GediFilterOptions} in {@link GediFilterStep} order, projects
 * kept lon/lat (WGS84, longitude first) to the target CRS with Apache SIS, and hands each footprint to a
 * consumer, so no more than one beam's columns are held in memory. A granule without any valid shot gives
 * a warning and a report with zero kept shots, not an error. Thread-safe if the consumer is: one reader is
 * opened per call.
 */
public final class GediIngest {

  private static final Logger LOG = LoggerFactory.getLogger(GediIngest.class);

  private final CoordinateReferenceSystem targetCrs;
  private final MathTransform lonLatToTarget;
  private final GediFilterOptions filters;

  public GediIngest(CoordinateReferenceSystem targetCrs, GediFilterOptions filters) {
    this.targetCrs = targetCrs;
    this.filters = filters;
    try {
      this.lonLatToTarget = CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), targetCrs, null).getMathTransform();
    } catch (FactoryException e) {
      throw new IllegalArgumentException("no transform from WGS84 to " + targetCrs.getName() + ": " + e.getMessage(), e);
    }
  }

  public CoordinateReferenceSystem targetCrs() {
    return targetCrs;
  }

  /** Reads one granule, passing kept footprints to {@code sink}; returns what each filter dropped. */
  public GediFileReport ingest(Path file, Consumer<GediFootprint> sink) throws GediFormatException {
    Map<GediFilterStep, Long> dropped = new EnumMap<>(GediFilterStep.class);
    long read = 0;
    long kept = 0;
    List<String> warnings = new ArrayList<>();
    List<GediBeam> beams;
    try (GediL2aReader reader = GediL2aReader.open(file)) {
      beams = reader.beams();
      if (beams.isEmpty()) {
        throw new GediFormatException(file, "no GEDI beam group (BEAM0000 ... BEAM1011): not a GEDI L2A granule?");
      }
      for (GediBeam beam : beams) {
        if (filters.powerBeamsOnly() && !beam.isPower()) {
          long shots = reader.shotCount(beam);
          read += shots;
          dropped.merge(GediFilterStep.POWER_BEAM, shots, Long::sum);
          continue;
        }
        GediShotBatch batch = reader.readBeam(beam);
        read += batch.size();
        kept += filterBatch(batch, dropped, sink);
      }
    }
    if (kept == 0) {
      String warning = "no shot of " + read + " passed the filters " + summary(dropped);
      warnings.add(warning);
      LOG.warn("{}: {}", file.getFileName(), warning);
    }
    return new GediFileReport(file.getFileName().toString(), beams, read, dropped, kept, warnings);
  }

  /** Reads several granules into {@code sink}, with one report per file (in file order). */
  public List<GediFileReport> ingestAll(List<Path> files, Consumer<GediFootprint> sink) throws GediFormatException {
    List<GediFileReport> reports = new ArrayList<>();
    for (Path file : files) {
      reports.add(ingest(file, sink));
    }
    return reports;
  }

  private long filterBatch(GediShotBatch batch, Map<GediFilterStep, Long> dropped, Consumer<GediFootprint> sink)
      throws GediFormatException {
    int n = batch.size();
    int[] candidates = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      GediFilterStep failed = firstFailure(batch, i);
      if (failed == null) {
        candidates[count++] = i;
      } else {
        dropped.merge(failed, 1L, Long::sum);
      }
    }
    double[] points = new double[2 * count];
    for (int k = 0; k < count; k++) {
      points[2 * k] = batch.lonLowestMode()[candidates[k]];
      points[2 * k + 1] = batch.latLowestMode()[candidates[k]];
    }
    double[] projected = new double[2 * count];
    try {
      lonLatToTarget.transform(points, 0, projected, 0, count);
    } catch (TransformException e) {
      throw new GediFormatException(batch.file(), batch.beam() + ": cannot project footprints to "
          + targetCrs.getName() + ": " + e.getMessage(), e);
    }
    String fileName = batch.file().getFileName().toString();
    long kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      double x = projected[2 * k];
      double y = projected[2 * k + 1];
      if (!Double.isFinite(x) || !Double.isFinite(y) || (filters.aoi().isPresent() && !filters.aoi().get().contains(x, y))) {
        dropped.merge(GediFilterStep.AOI, 1L, Long::sum);
        continue;
      }
      sink.accept(new GediFootprint(batch.shotNumber()[i],
          GediTime.toInstant(batch.masterEpochGpsSeconds(), batch.deltaTime()[i]),
          batch.lonLowestMode()[i], batch.latLowestMode()[i], x, y, batch.beam(), batch.sensitivity()[i],
          batch.rh95()[i], batch.rh98()[i], batch.rh100()[i], batch.elevLowestMode()[i], fileName));
      kept++;
    }
    return kept;
  }

  /** The first filter (before the AOI, which needs projected coordinates) that shot {@code i} fails. */
  private GediFilterStep firstFailure(GediShotBatch batch, int i) {
    if (filters.requireQualityFlag() && batch.qualityFlag()[i] != 1) {
      return GediFilterStep.QUALITY_FLAG;
    }
    if (filters.excludeDegraded() && batch.degradeFlag()[i] != 0) {
      return GediFilterStep.DEGRADE_FLAG;
    }
    if (!(batch.sensitivity()[i] >= filters.minSensitivity())) {
      return GediFilterStep.SENSITIVITY;
    }
    if (filters.leafOnOnly() && batch.leafOffFlag()[i] == 1) {
      return GediFilterStep.LEAF_OFF;
    }
    if (filters.start().isPresent() || filters.end().isPresent()) {
      Instant time = GediTime.toInstant(batch.masterEpochGpsSeconds(), batch.deltaTime()[i]);
      if (filters.start().map(time::isBefore).orElse(false) || filters.end().map(e -> !time.isBefore(e)).orElse(false)) {
        return GediFilterStep.DATE_RANGE;
      }
    }
    double lat = batch.latLowestMode()[i];
    double lon = batch.lonLowestMode()[i];
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      return GediFilterStep.LOCATION;
    }
    return null;
  }

  private static String summary(Map<GediFilterStep, Long> dropped) {
    StringBuilder out = new StringBuilder("(dropped:");
    for (GediFilterStep step : GediFilterStep.values()) {
      long n = dropped.getOrDefault(step, 0L);
      if (n > 0) {
        out.append(' ').append(step.label()).append('=').append(n);
      }
    }
    return out.append(')').toString();
  }
}

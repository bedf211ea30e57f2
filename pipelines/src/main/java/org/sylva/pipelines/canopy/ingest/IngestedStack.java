package org.sylva.pipelines.canopy.ingest;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sylva.pipelines.canopy.DeadLetter;

/**
 * What the ingest stage hands on, as files on a filesystem every worker sees (paths are absolute):
 * <ul>
 *   <li>{@code sentinel2Composite}: float32 COG on the 10 m target grid with bands {@link StackBands#SENTINEL2}
 *       (surface reflectance, median of the clear observations) and {@code count}; NaN where no date was clear;</li>
 *   <li>{@code sentinel1Composite}: float32 COG on the same grid with {@link StackBands#SENTINEL1} (γ0 in dB, mean
 *       of linear power; {@code VV_VH} = VV − VH dB) and {@code count}; null when the scene has no Sentinel-1
 *       data (variants that need it become dead letters);</li>
 *   <li>{@code targets}: float32 COG with bands {@code rh95}, {@code rh98} (GEDI heights in metres, the mean of the
 *       footprints whose 25 m disc covers the pixel; NaN elsewhere) and {@code footprint_count};</li>
 *   <li>{@code footprints}: the kept GEDI footprints, Parquet ({@link org.sylva.geo.gedi.GediFootprintTable});</li>
 *   <li>{@code trueHeight}: the true canopy height (demo scene only), float32 COG in metres;</li>
 *   <li>{@code problems}: items that were skipped (dead letters).</li>
 * </ul>
 * {@code periodStart}/{@code periodEnd} (ISO-8601 instants, end exclusive) bound the composited dates.
 */
public record IngestedStack(String description, String sentinel2Composite, String sentinel1Composite, String targets,
    String footprints, String trueHeight, String periodStart, String periodEnd, List<DeadLetter> problems)
    implements Serializable {

  public IngestedStack {
    problems = List.copyOf(problems);
  }

  public Path sentinel2Path() {
    return Path.of(sentinel2Composite);
  }

  public Path sentinel1Path() {
    return Path.of(sentinel1Composite);
  }

  public Path targetsPath() {
    return Path.of(targets);
  }

  public Path footprintsPath() {
    return Path.of(footprints);
  }

  public Optional<Path> trueHeightPath() {
    return trueHeight == null ? Optional.empty() : Optional.of(Path.of(trueHeight));
  }
}

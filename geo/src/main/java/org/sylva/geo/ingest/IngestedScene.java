package org.sylva.geo.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sylva.geo.raster.GridGeometry;

/**
 * An ingested scene, everything on one target grid, in the output folder:
 * <ul>
 *   <li>{@code sentinel2Composite}: float32 COG, bands {@code B02 B03 B04 B05 B06 B07 B08 B8A B11 B12}
 *       (surface reflectance, primary statistic, default median), then {@code B02_mean …} (the other
 *       statistic, unless turned off), then {@code count} (valid observations per pixel); NaN = no valid
 *       observation;</li>
 *   <li>{@code sentinel1Composite}: float32 COG, bands {@code VV VH VV_VH} (dB; primary statistic of linear
 *       power, default mean), then {@code VV_median VH_median VV_VH_median}, then {@code count};</li>
 *   <li>{@code footprints}: Parquet table of kept GEDI shots (see {@code GediFootprintTable});</li>
 *   <li>{@code targets}: float32 COG, bands {@code rh95}, {@code rh98} (metres, mean of the footprints
 *       covering the pixel) and {@code count} (footprints per pixel), NaN where no footprint;</li>
 *   <li>{@code trueHeight}: the source's reference canopy height on the target grid, when it has one.</li>
 * </ul>
 * {@code problems} lists the inputs left out (dead letters), {@code warnings} e.g. an all-cloud stack.
 */
public record IngestedScene(
    GridGeometry grid,
    Path sentinel2Composite,
    Path sentinel1Composite,
    Path footprints,
    Path targets,
    Optional<Path> trueHeight,
    List<IngestProblem> problems,
    IngestCounts counts,
    List<String> sentinel2Bands,
    List<String> sentinel1Bands,
    List<String> warnings,
    Path report) {

  public IngestedScene {
    problems = List.copyOf(problems);
    sentinel2Bands = List.copyOf(sentinel2Bands);
    sentinel1Bands = List.copyOf(sentinel1Bands);
    warnings = List.copyOf(warnings);
  }
}

/**
 * From downloaded data to training inputs, in one call: {@link org.sylva.geo.ingest.SceneIngest#run} takes an
 * {@link org.sylva.geo.ingest.IngestRequest} (an {@link org.sylva.geo.ingest.IngestSource} — a STAC catalog or
 * folders of Sentinel-2 L2A band files, Sentinel-1 RTC VV/VH files and GEDI02_A granules —, the target grid,
 * the date range and {@link org.sylva.geo.ingest.IngestOptions}) and returns an
 * {@link org.sylva.geo.ingest.IngestedScene}: both temporal composites, the GEDI footprint table and target
 * raster, the reference height when the source has one, and the inputs left out
 * ({@link org.sylva.geo.ingest.IngestProblem}s).
 *
 * <p><b>Band names</b> (what variant configurations refer to), in file order:
 * <ul>
 *   <li>Sentinel-2 composite: {@code B02 B03 B04 B05 B06 B07 B08 B8A B11 B12} — surface reflectance (unit "1"),
 *       the primary statistic (median by default); then {@code B02_mean … B12_mean} (the other statistic,
 *       {@code _median} suffixes when the mean is primary; left out with {@code secondaryStatistics(false)});
 *       then {@code count}, the valid (unmasked) observations per pixel.</li>
 *   <li>Sentinel-1 composite: {@code VV VH VV_VH} — dB, the primary statistic of linear power (mean by
 *       default), {@code VV_VH} = VV − VH in dB; then {@code VV_median VH_median VV_VH_median}; then
 *       {@code count}. Without the ratio option the {@code VV_VH} bands are left out.</li>
 *   <li>Targets: {@code rh95 rh98} (metres, mean of the GEDI footprints covering the pixel) and {@code count}.</li>
 * </ul>
 * All are float32 COGs with NaN as nodata: a pixel without a valid observation is NaN in every statistic band
 * and 0 in {@code count}, never a 0 reflectance.
 */
package org.sylva.geo.ingest;

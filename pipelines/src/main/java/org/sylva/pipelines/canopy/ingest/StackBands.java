package org.sylva.pipelines.canopy.ingest;

import java.util.List;

/**
 * Names of the bands of the ingested composites, as the variants file refers to them: Sentinel-2 L2A
 * surface reflectance by band id, Sentinel-1 backscatter by polarisation (dB) and their ratio, and the
 * target and count bands.
 */
public final class StackBands {

  /** Sentinel-2 composite bands, in file order. */
  public static final List<String> SENTINEL2 = List.of("B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12");

  /** Sentinel-1 composite bands, in file order: VV and VH γ0 (dB) and VV − VH (dB). */
  public static final List<String> SENTINEL1 = List.of("VV", "VH", "VV_VH");

  /** Band holding the number of valid observations, last in each composite. */
  public static final String COUNT = "count";

  /** Target bands: GEDI relative heights (m) and how many footprints cover the pixel. */
  public static final String RH95 = "rh95";
  public static final String RH98 = "rh98";
  public static final String FOOTPRINT_COUNT = "count";

  private StackBands() {}

  /** Whether a composite band is a feature the variants can use (a Sentinel-2 or Sentinel-1 band above). */
  public static boolean isFeature(String band) {
    return SENTINEL2.contains(band) || SENTINEL1.contains(band);
  }
}

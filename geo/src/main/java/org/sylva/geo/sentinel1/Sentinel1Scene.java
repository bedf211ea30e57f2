package org.sylva.geo.sentinel1;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterSource;

/**
 * One Sentinel-1 acquisition of terrain-corrected backscatter (RTC γ0, as Planetary Computer's
 * {@code sentinel-1-rtc}): VV and VH rasters on a projected grid and the scale they are stored in.
 */
public record Sentinel1Scene(String id, Instant time, RasterSource vv, RasterSource vh, BackscatterScale scale) {

  public Sentinel1Scene {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, id + ": time");
    Objects.requireNonNull(vv, id + ": VV");
    Objects.requireNonNull(vh, id + ": VH");
    Objects.requireNonNull(scale, id + ": scale");
  }

  public RasterSource source(Polarization polarization) {
    return polarization == Polarization.VV ? vv : vh;
  }

  /**
   * Rejects raw GRD measurement rasters: uint16/int16 digital numbers that are neither calibrated nor
   * terrain-corrected (and in the SAFE product georeferenced only by GCPs).
   */
  public static void requireTerrainCorrected(String name, RasterSource source) throws IOException {
    DataType type = source.dataType();
    if (!type.isFloatingPoint()) {
      throw new IOException(name + ": " + type + " samples look like raw Sentinel-1 GRD digital numbers "
          + "(uncalibrated, GCP-georeferenced); provide radiometrically terrain-corrected backscatter instead "
          + "(float32 gamma0 COGs such as Planetary Computer sentinel-1-rtc, or GRD calibrated and "
          + "terrain-corrected with ESA SNAP / pyroSAR)");
    }
  }

  /** Rejects products that a STAC item or file name marks as GRD without terrain correction. */
  public static void requireTerrainCorrected(String name, String collection, String productType) throws IOException {
    String c = collection == null ? "" : collection.toLowerCase(java.util.Locale.ROOT);
    boolean grdCollection = c.contains("grd") && !c.contains("rtc");
    if (grdCollection || (c.isEmpty() && "GRD".equalsIgnoreCase(productType))) {
      throw new IOException(name + ": raw Sentinel-1 GRD product (collection '" + collection + "', product type '"
          + productType + "'); provide radiometrically terrain-corrected backscatter instead "
          + "(e.g. Planetary Computer sentinel-1-rtc, or GRD processed with ESA SNAP / pyroSAR)");
    }
  }
}

package org.sylva.geo.gedi;

import java.nio.file.Path;

/**
 * The shots of one beam of one granule, as columns (one array element per shot). Only the
 * columns Sylva uses are read: RH95, RH98 and RH100 of the 101 {@code rh} percentiles. Flags are widened to
 * {@code int} whatever their stored type (uint8 in NASA files, int8 from writers without unsigned types);
 * shot numbers keep their 64 bits in a {@code long} (real GEDI shot numbers are below 2^63).
 * {@code elevLowestMode} is NaN when the granule has no {@code elev_lowestmode}.
 */
public record GediShotBatch(
    Path file,
    GediBeam beam,
    double masterEpochGpsSeconds,
    long[] shotNumber,
    double[] deltaTime,
    double[] latLowestMode,
    double[] lonLowestMode,
    double[] elevLowestMode,
    int[] qualityFlag,
    int[] degradeFlag,
    float[] sensitivity,
    int[] leafOffFlag,
    double[] rh95,
    double[] rh98,
    double[] rh100) {

  public int size() {
    return shotNumber.length;
  }
}

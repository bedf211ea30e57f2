package org.sylva.geo.gedi;

/**
 * All the L2A datasets Sylva writes for one beam, one array element per shot; {@code rh} is (N, 101) metres.
 * Used to write GEDI-layout granules ({@link GediWriter}), e.g. for the demo scene.
 */
public record GediBeamData(
    GediBeam beam,
    long[] shotNumber,
    double[] deltaTime,
    double[] latLowestMode,
    double[] lonLowestMode,
    double[] elevLowestMode,
    double[][] rh,
    int[] qualityFlag,
    int[] degradeFlag,
    float[] sensitivity,
    int[] leafOffFlag) {

  public GediBeamData {
    int n = shotNumber.length;
    if (deltaTime.length != n || latLowestMode.length != n || lonLowestMode.length != n || elevLowestMode.length != n
        || rh.length != n || qualityFlag.length != n || degradeFlag.length != n || sensitivity.length != n
        || leafOffFlag.length != n) {
      throw new IllegalArgumentException(beam + ": all columns need " + n + " shots");
    }
    for (double[] profile : rh) {
      if (profile.length != 101) {
        throw new IllegalArgumentException(beam + ": rh rows need 101 percentiles, got " + profile.length);
      }
    }
  }

  public int size() {
    return shotNumber.length;
  }
}

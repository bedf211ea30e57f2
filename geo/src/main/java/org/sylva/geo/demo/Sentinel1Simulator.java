package org.sylva.geo.demo;

import java.util.SplittableRandom;

/**
 * Sentinel-1 RTC γ0 (linear power, float32) of the demo scene for one date. Forest backscatter in dB rises
 * with height and saturates: VH ≈ −23 + 8.5·(1 − e^(−H/6)) dB (within 0.5 dB of saturation above ~16 m),
 * VV ≈ −12 + 3.5·(1 − e^(−H/6)). Bare and young-stand ground adds a soil term driven by the parcel's
 * roughness (ploughed clear-cuts are bright) and the date's soil moisture, attenuated by the canopy;
 * each parcel has a ±1 dB structural offset; speckle is Gamma(ENL 4) multiplicative noise per date. So
 * radar separates low from medium heights (confounded by roughness and moisture) but not tall stands.
 */
final class Sentinel1Simulator {

  private Sentinel1Simulator() {}

  record Arrays(float[] vv, float[] vh) {}

  static Arrays simulate(ForestLandscape land, long seed, int dateIndex) {
    int n = land.width() * land.height();
    SplittableRandom random = Seeds.random(seed, "s1", dateIndex);
    double moisture = random.nextGaussian(); // soil moisture anomaly of the date, in standard deviations
    float[] vv = new float[n];
    float[] vh = new float[n];
    int[] parcel = land.parcel();
    for (int i = 0; i < n; i++) {
      CoverType type = CoverType.of(land.cover()[i]);
      double h = land.canopyHeight()[i];
      double vvDb;
      double vhDb;
      if (type == CoverType.ROAD) {
        vvDb = -19;
        vhDb = -28;
      } else {
        double canopy = 1 - Math.exp(-h / 6);
        double soil = (-15 + 7 * land.roughness()[i] + 1.5 * moisture) * Math.exp(-h / 4);
        double structure = parcelOffset(seed, parcel[i]);
        double broadleafShift = type == CoverType.BROADLEAF ? 0.8 : 0;
        vvDb = 10 * Math.log10(Math.pow(10, (-12 + 3.5 * canopy + structure) / 10) * canopy + Math.pow(10, soil / 10));
        vhDb = -23 + 8.5 * canopy + structure + broadleafShift + 2 * land.roughness()[i] * Math.exp(-h / 4)
            + 0.5 * moisture * Math.exp(-h / 4);
      }
      vv[i] = (float) (Math.pow(10, vvDb / 10) * Seeds.speckle(random));
      vh[i] = (float) (Math.pow(10, vhDb / 10) * Seeds.speckle(random));
    }
    return new Arrays(vv, vh);
  }

  private static double parcelOffset(long seed, int parcel) {
    return new SplittableRandom(Seeds.mix(seed, "s1-parcel", parcel)).nextGaussian() * 1.0;
  }
}

package org.sylva.geo.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.sylva.geo.sentinel2.Sentinel2Band;

/**
 * Sentinel-2 L2A digital numbers of the demo scene for one date. Reflectance is a non-linear mixture:
 * crowns (pine or broadleaf spectra, broadleaf following a seasonal phenology) cover a fraction fc of
 * the pixel over a background of understory (seasonally green molinia/bracken) and podzol sand; tall trees
 * cast shadows (fraction growing with height, saturating around 20–25 m, deeper in winter) that darken
 * the visible and SWIR bands most. So NDVI rises and saturates with crown closure (young stands), while
 * SWIR and red keep decreasing slowly with height — information S1 lacks above ~15 m. Each date gets
 * per-band gains (atmosphere, ±3 %), per-pixel noise, and clouds: SCL 9/8 (high/medium probability) in
 * the cores and rims of a thresholded smooth field, 10 (cirrus) around them, 3 (shadow) offset to the
 * north, 4/5 elsewhere. DN = reflectance·10000 + 1000 (processing baseline 05.09, BOA offset −1000);
 * 10 m bands at 10 m, 20 m bands and SCL as 2×2 means/majorities at 20 m.
 */
final class Sentinel2Simulator {

  //                                                   B02    B03    B04    B05    B06    B07    B08    B8A    B11    B12
  private static final double[] PINE =            {0.022, 0.040, 0.024, 0.068, 0.160, 0.195, 0.215, 0.225, 0.115, 0.055};
  private static final double[] BROADLEAF_LEAF =  {0.028, 0.058, 0.030, 0.092, 0.250, 0.320, 0.350, 0.360, 0.170, 0.080};
  private static final double[] BROADLEAF_BARE =  {0.045, 0.060, 0.070, 0.090, 0.120, 0.140, 0.160, 0.170, 0.210, 0.160};
  private static final double[] UNDERSTORY_GREEN = {0.030, 0.065, 0.040, 0.105, 0.230, 0.275, 0.300, 0.310, 0.200, 0.110};
  private static final double[] UNDERSTORY_DRY =  {0.060, 0.080, 0.100, 0.130, 0.170, 0.190, 0.210, 0.220, 0.300, 0.230};
  private static final double[] SAND =            {0.070, 0.090, 0.110, 0.130, 0.150, 0.165, 0.180, 0.190, 0.270, 0.220};
  private static final double[] ASPHALT =         {0.070, 0.080, 0.090, 0.095, 0.100, 0.105, 0.110, 0.112, 0.130, 0.120};
  /** How strongly shadow darkens each band (NIR is partly filled by multiple scattering). */
  private static final double[] SHADOW_WEIGHT =   {1.0, 1.0, 1.0, 0.9, 0.6, 0.5, 0.45, 0.45, 0.9, 1.0};

  private Sentinel2Simulator() {}

  /** Bands (DN, 10 m or 20 m grids by native resolution) and SCL (20 m), row-major. */
  record Arrays(Map<Sentinel2Band, float[]> bands, float[] scl, double cloudShare) {}

  static Arrays simulate(ForestLandscape land, long seed, int dateIndex, Instant time, double cloudShare) {
    int w = land.width();
    int h = land.height();
    int w2 = w / 2;
    int h2 = h / 2;
    double doy = time.atZone(ZoneOffset.UTC).getDayOfYear();
    double season = 0.5 + 0.5 * Math.cos(2 * Math.PI * (doy - 196) / 365.0); // 1 mid-July, 0 mid-January
    double shadowBoost = 1 + 0.6 * (1 - season); // low winter sun: longer shadows
    SplittableRandom random = Seeds.random(seed, "s2", dateIndex);
    double[] gain = new double[10];
    for (int b = 0; b < 10; b++) {
      gain[b] = 1 + 0.03 * random.nextGaussian();
    }

    // Clouds on the 20 m grid: core 9, rim 8, cirrus halo 10, shadows 3 displaced northwards.
    float[] cloudField = SmoothNoise.field(Seeds.mix(seed, "clouds", dateIndex), w2, h2, 60, 5);
    float threshold = cloudShare <= 0 ? Float.POSITIVE_INFINITY : SmoothNoise.quantileThreshold(cloudField, cloudShare);
    float[] scl = new float[w2 * h2];
    int shadowDy = 8 + random.nextInt(6);
    int shadowDx = random.nextInt(7) - 3;
    for (int y = 0; y < h2; y++) {
      for (int x = 0; x < w2; x++) {
        int i = y * w2 + x;
        float c = cloudField[i];
        if (c > threshold + 0.08f) {
          scl[i] = 9;
        } else if (c > threshold) {
          scl[i] = 8;
        } else if (c > threshold - 0.03f) {
          scl[i] = 10;
        } else {
          int sy = y + shadowDy;
          int sx = x + shadowDx;
          boolean shadow = sy < h2 && sx >= 0 && sx < w2 && cloudField[sy * w2 + sx] > threshold + 0.04f;
          scl[i] = shadow ? 3 : 0; // 0 = clear, classified below from the surface
        }
      }
    }

    float[][] r10 = new float[10][w * h];
    for (int i = 0; i < w * h; i++) {
      double[] surface = surface(land, i, season, shadowBoost);
      int y = i / w;
      int x = i % w;
      float sclValue = scl[(y / 2) * w2 + x / 2];
      for (int b = 0; b < 10; b++) {
        double r = surface[b] * gain[b] * (1 + 0.02 * random.nextGaussian()) + 0.003 * random.nextGaussian();
        if (sclValue == 9 || sclValue == 8) {
          r = 0.35 + 0.25 * (sclValue == 9 ? 1 : 0.5) + 0.02 * random.nextGaussian() - 0.01 * b;
        } else if (sclValue == 10) {
          r = r * 0.8 + 0.08;
        } else if (sclValue == 3) {
          r *= 0.35;
        }
        r10[b][i] = (float) r;
      }
    }
    // Classify clear SCL pixels from the 2×2 mean NDVI: vegetation (4) or not vegetated (5).
    for (int y = 0; y < h2; y++) {
      for (int x = 0; x < w2; x++) {
        int i = y * w2 + x;
        if (scl[i] == 0) {
          double red = mean2x2(r10[2], w, x, y);
          double nir = mean2x2(r10[6], w, x, y);
          scl[i] = (nir - red) / (nir + red) > 0.35 ? 4 : 5;
        }
      }
    }
    Map<Sentinel2Band, float[]> bands = new EnumMap<>(Sentinel2Band.class);
    for (int b = 0; b < 10; b++) {
      Sentinel2Band band = Sentinel2Band.REFLECTANCE.get(b);
      float[] dn;
      if (band.resolutionMetres() == 10) {
        dn = r10[b];
      } else {
        dn = new float[w2 * h2];
        for (int y = 0; y < h2; y++) {
          for (int x = 0; x < w2; x++) {
            dn[y * w2 + x] = (float) mean2x2(r10[b], w, x, y);
          }
        }
      }
      for (int i = 0; i < dn.length; i++) {
        dn[i] = Math.max(1, Math.min(65535, Math.round(dn[i] * 10_000 + 1000)));
      }
      bands.put(band, dn);
    }
    return new Arrays(bands, scl, cloudShare);
  }

  /** Cloud-free surface reflectance of pixel i, 10 bands. */
  private static double[] surface(ForestLandscape land, int i, double season, double shadowBoost) {
    CoverType type = CoverType.of(land.cover()[i]);
    double[] out = new double[10];
    if (type == CoverType.ROAD) {
      System.arraycopy(ASPHALT, 0, out, 0, 10);
      return out;
    }
    double fc = land.canopyCover()[i];
    double height = land.canopyHeight()[i];
    double green = land.understory()[i] * (0.35 + 0.65 * season);
    double shadow = Math.min(0.6, 0.45 * (1 - Math.exp(-height / 11)) * shadowBoost) * fc;
    boolean broadleaf = type == CoverType.BROADLEAF;
    for (int b = 0; b < 10; b++) {
      double crown = broadleaf ? BROADLEAF_BARE[b] + (BROADLEAF_LEAF[b] - BROADLEAF_BARE[b]) * season : PINE[b];
      double understory = UNDERSTORY_DRY[b] + (UNDERSTORY_GREEN[b] - UNDERSTORY_DRY[b]) * green;
      double ground = type == CoverType.FIREBREAK ? SAND[b] : 0.7 * understory + 0.3 * SAND[b];
      // Crowns also shade the understory seen between them, more so in tall stands.
      double mixed = fc * crown + (1 - fc) * ground * (1 - 0.5 * shadow);
      out[b] = mixed * (1 - SHADOW_WEIGHT[b] * shadow);
    }
    return out;
  }

  private static double mean2x2(float[] values, int width, int x, int y) {
    int i = 2 * y * width + 2 * x;
    return (values[i] + values[i + 1] + values[i + width] + values[i + width + 1]) / 4.0;
  }
}

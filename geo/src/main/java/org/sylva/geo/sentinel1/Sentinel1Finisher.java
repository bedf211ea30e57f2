package org.sylva.geo.sentinel1;

import java.util.ArrayList;
import java.util.List;
import org.sylva.geo.composite.CompositeFinisher;

/**
 * Turns linear-power statistics into dB and optionally adds the VV/VH ratio per statistic:
 * {@code VV_VH} = VV dB − VH dB (10·log10 of the power ratio), {@code VV_VH_mean} likewise for the mean. Bands
 * stay grouped by statistic: {@code VV, VH, VV_VH, VV_mean, VH_mean, VV_VH_mean}. NaN (no valid observation)
 * stays NaN.
 */
public final class Sentinel1Finisher implements CompositeFinisher {

  /** Name of the ratio band of the primary statistic (secondary statistics add their suffix). */
  public static final String RATIO_BAND = "VV_VH";

  private final boolean ratio;

  public Sentinel1Finisher(boolean ratio) {
    this.ratio = ratio;
  }

  @Override
  public List<String> bandNames(List<String> statisticBands) {
    List<String> names = new ArrayList<>();
    for (Group g : groups(statisticBands)) {
      names.add("VV" + g.suffix);
      names.add("VH" + g.suffix);
      if (ratio) {
        names.add(RATIO_BAND + g.suffix);
      }
    }
    return names;
  }

  @Override
  public float[][] finish(List<String> statisticBands, float[][] statistics) {
    List<float[]> out = new ArrayList<>();
    for (Group g : groups(statisticBands)) {
      float[] vv = toDecibel(statistics[g.vv]);
      float[] vh = toDecibel(statistics[g.vh]);
      out.add(vv);
      out.add(vh);
      if (ratio) {
        float[] r = new float[vv.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = vv[i] - vh[i];
        }
        out.add(r);
      }
    }
    return out.toArray(float[][]::new);
  }

  /** One statistic's VV and VH band indexes; suffix "" for the primary statistic, "_mean" etc. otherwise. */
  private record Group(String suffix, int vv, int vh) {}

  private static List<Group> groups(List<String> statisticBands) {
    List<Group> groups = new ArrayList<>();
    for (int b = 0; b < statisticBands.size(); b++) {
      String name = statisticBands.get(b);
      if (name.startsWith("VV")) {
        String suffix = name.substring(2);
        int vh = statisticBands.indexOf("VH" + suffix);
        if (vh < 0) {
          throw new IllegalArgumentException("no VH" + suffix + " band beside " + name + " in " + statisticBands);
        }
        groups.add(new Group(suffix, b, vh));
      }
    }
    if (groups.size() * 2 != statisticBands.size()) {
      throw new IllegalArgumentException("Sentinel-1 statistics must pair VV and VH bands, got " + statisticBands);
    }
    return groups;
  }

  private static float[] toDecibel(float[] linear) {
    float[] db = new float[linear.length];
    for (int i = 0; i < db.length; i++) {
      db[i] = (float) BackscatterScale.toDecibel(linear[i]);
    }
    return db;
  }
}

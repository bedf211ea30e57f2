package org.sylva.geo.sentinel1;

import java.util.ArrayList;
import java.util.List;
import org.sylva.geo.composite.CompositeFinisher;

/**
 * Turns linear-power statistics ({@code VV_mean}, {@code VH_median}, …) into dB, and optionally adds the
 * VV/VH ratio per statistic ({@code VVVH_mean} = VV_mean dB − VH_mean dB, i.e. 10·log10 of the power
 * ratio). NaN (no valid observation) stays NaN.
 */
public final class Sentinel1Finisher implements CompositeFinisher {

  private final boolean ratio;

  public Sentinel1Finisher(boolean ratio) {
    this.ratio = ratio;
  }

  @Override
  public List<String> bandNames(List<String> statisticBands) {
    List<String> names = new ArrayList<>(statisticBands);
    if (ratio) {
      for (String name : statisticBands) {
        if (name.startsWith("VV_")) {
          names.add("VVVH_" + name.substring(3));
        }
      }
    }
    return names;
  }

  @Override
  public float[][] finish(List<String> statisticBands, float[][] statistics) {
    List<float[]> out = new ArrayList<>();
    for (float[] band : statistics) {
      float[] db = new float[band.length];
      for (int i = 0; i < band.length; i++) {
        db[i] = (float) BackscatterScale.toDecibel(band[i]);
      }
      out.add(db);
    }
    if (ratio) {
      for (int b = 0; b < statisticBands.size(); b++) {
        String name = statisticBands.get(b);
        if (name.startsWith("VV_")) {
          float[] vv = out.get(b);
          float[] vh = out.get(statisticBands.indexOf("VH_" + name.substring(3)));
          float[] r = new float[vv.length];
          for (int i = 0; i < r.length; i++) {
            r[i] = vv[i] - vh[i];
          }
          out.add(r);
        }
      }
    }
    return out.toArray(float[][]::new);
  }
}

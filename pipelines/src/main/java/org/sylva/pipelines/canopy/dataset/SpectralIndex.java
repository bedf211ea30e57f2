package org.sylva.pipelines.canopy.dataset;

import java.io.Serializable;
import java.util.Objects;

/**
 * A normalised-difference index of two feature bands, {@code (a − b) / (a + b)}, e.g. NDVI = (B08 − B04) /
 * (B08 + B04). Computed in the pipeline from the composite bands wherever a variant asks for it (patches and
 * prediction tiles alike). NaN where either band is NaN or the sum is 0.
 */
public record SpectralIndex(String name, String a, String b, String description) implements Serializable {

  public SpectralIndex {
    Objects.requireNonNull(name, "index name");
    Objects.requireNonNull(a, "index band a");
    Objects.requireNonNull(b, "index band b");
    description = description == null ? "" : description;
  }

  /** The index of two band arrays of equal length. */
  public float[] compute(float[] bandA, float[] bandB) {
    float[] out = new float[bandA.length];
    for (int i = 0; i < out.length; i++) {
      float sum = bandA[i] + bandB[i];
      out[i] = sum == 0 || Float.isNaN(sum) ? Float.NaN : (bandA[i] - bandB[i]) / sum;
    }
    return out;
  }
}

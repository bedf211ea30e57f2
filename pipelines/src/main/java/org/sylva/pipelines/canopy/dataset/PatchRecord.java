package org.sylva.pipelines.canopy.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the patch dataset: a {@code size × size} window of the 10 m grid at ({@code row}, {@code col}),
 * the spatial block it belongs to and its split, the feature bands by name and the GEDI target (metres, NaN
 * where no kept footprint covers the pixel or the pixel lies in the split buffer). Arrays are row-major and
 * not copied.
 */
public record PatchRecord(String id, int row, int col, int blockRow, int blockCol, Split split, int size,
    Map<String, float[]> bands, float[] target) {

  public PatchRecord {
    bands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    int pixels = size * size;
    if (target.length != pixels) {
      throw new IllegalArgumentException(id + ": target has " + target.length + " values for " + size + "x" + size);
    }
    for (var band : bands.entrySet()) {
      if (band.getValue().length != pixels) {
        throw new IllegalArgumentException(id + ": band " + band.getKey() + " has " + band.getValue().length + " values");
      }
    }
  }

  /** Pixels with a finite target. */
  public int targetPixels() {
    int n = 0;
    for (float t : target) {
      if (Float.isFinite(t)) {
        n++;
      }
    }
    return n;
  }

  /** {@code p_r<row>_c<col>}, zero-padded so ids sort in grid order. */
  public static String idOf(int row, int col) {
    return String.format("p_r%05d_c%05d", row, col);
  }
}

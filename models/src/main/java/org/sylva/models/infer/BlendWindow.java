package org.sylva.models.infer;

/**
 * One-dimensional blending weights of a tile, the 2-D weight being the product of the row and column
 * weights. On a side shared with a neighbouring tile the weight is 0 over the outer {@code margin} pixels
 * (whose predictions lack context), then rises as a raised cosine {@code sin²(π/2·(d − margin + ½)/ramp)}
 * over {@code ramp = overlap − 2·margin} pixels, then stays 1. Two neighbours overlapping by
 * {@code overlap} pixels thus have weights {@code sin²} and {@code cos²} of the same argument: they sum to
 * exactly 1 at every pixel (a partition of unity) and change smoothly, so no seam shows. Sides on the
 * raster border have weight 1 up to the edge.
 */
public final class BlendWindow {

  private BlendWindow() {}

  /** Weights of a tile of {@code size} pixels with neighbours before and/or after it. */
  public static float[] weights(int size, int overlap, int margin, boolean neighbourBefore, boolean neighbourAfter) {
    if (overlap < 0 || 2 * margin > overlap || 2 * overlap > size) {
      throw new IllegalArgumentException("blend window needs 0 <= 2·margin <= overlap <= size/2, got size " + size
          + ", overlap " + overlap + ", margin " + margin);
    }
    float[] w = new float[size];
    for (int i = 0; i < size; i++) {
      double before = neighbourBefore ? ramp(i, overlap, margin) : 1;
      double after = neighbourAfter ? ramp(size - 1 - i, overlap, margin) : 1;
      w[i] = (float) (before * after);
    }
    return w;
  }

  /** Weight at distance {@code d} from a shared tile edge. */
  static double ramp(int d, int overlap, int margin) {
    int ramp = overlap - 2 * margin;
    if (d < margin) {
      return 0;
    }
    if (d >= overlap - margin) {
      return 1;
    }
    double s = Math.sin(0.5 * Math.PI * (d - margin + 0.5) / ramp);
    return s * s;
  }

  /**
   * Largest weight change between adjacent pixels, {@code ≤ π/(2·ramp)}: where two tiles disagree by
   * {@code Δ}, blending adds at most {@code Δ·π/(2·ramp)} to the step between neighbouring output pixels
   * (the bound the seam test checks). Infinite for a hard switch ({@code ramp} 0).
   */
  public static double maxStep(int overlap, int margin) {
    int ramp = overlap - 2 * margin;
    return ramp == 0 ? Double.POSITIVE_INFINITY : Math.PI / (2.0 * ramp);
  }
}

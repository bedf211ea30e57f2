package org.sylva.models.patch;

/**
 * One training example for dense regression: {@code channels} input bands and a target with its mask, all
 * {@code height × width} pixels, row-major. Arrays are band-sequential: band {@code b}, row {@code y},
 * column {@code x} is {@code input[(b·height + y)·width + x]}.
 *
 * <p>Input NaN means "no data" for that band and pixel. The mask holds a weight ≥ 0 per pixel, 0 where the
 * target is missing (the target value is then ignored and may be NaN). Arrays are not copied: treat a patch
 * as immutable once built.
 */
public record Patch(int channels, int height, int width, float[] input, float[] target, float[] mask) {

  public Patch {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("patch dimensions must be >= 1, got " + channels + "x" + height + "x" + width);
    }
    long pixels = (long) height * width;
    if (input.length != channels * pixels) {
      throw new IllegalArgumentException("patch input has " + input.length + " values, expected " + channels + "x" + height
          + "x" + width + " = " + channels * pixels);
    }
    if (target.length != pixels || mask.length != pixels) {
      throw new IllegalArgumentException("patch target/mask have " + target.length + "/" + mask.length
          + " values, expected " + height + "x" + width + " = " + pixels);
    }
  }

  /** A patch whose mask is 1 where the target is finite and 0 elsewhere. */
  public static Patch ofTarget(int channels, int height, int width, float[] input, float[] target) {
    float[] mask = new float[target.length];
    for (int i = 0; i < target.length; i++) {
      mask[i] = Float.isFinite(target[i]) ? 1f : 0f;
    }
    return new Patch(channels, height, width, input, target, mask);
  }

  public int pixels() {
    return height * width;
  }

  /** Number of pixels with a positive mask. */
  public int validTargets() {
    int n = 0;
    for (float m : mask) {
      if (m > 0) {
        n++;
      }
    }
    return n;
  }
}

package org.sylva.models.unet;

/**
 * Architecture of a {@link UNet}: everything needed to rebuild the block before loading its weights. Stored
 * in a model's manifest.
 *
 * @param inputChannels number of input bands
 * @param depth number of 2× down-sampling steps; inputs are padded to a multiple of {@code 2^depth}
 * @param baseWidth channels of the first level; level {@code l} has {@code baseWidth·2^l}
 * @param batchNorm batch normalisation after every 3×3 convolution
 * @param dropout dropout rate after the bottleneck and every decoder level (0 = none); also drives MC dropout
 * @param squeezeExcitation a squeeze-and-excitation gate after every encoder and decoder level
 * @param seReduction reduction ratio of the squeeze-and-excitation bottleneck
 * @param upsampling decoder up-sampling
 * @param outputScale the softplus output is multiplied by this (metres), so the network works in units of order 1
 */
public record UNetConfig(
    int inputChannels,
    int depth,
    int baseWidth,
    boolean batchNorm,
    float dropout,
    boolean squeezeExcitation,
    int seReduction,
    Upsampling upsampling,
    float outputScale) {

  public static final int MAX_DEPTH = 6;

  public UNetConfig {
    if (inputChannels < 1) {
      throw new IllegalArgumentException("U-Net needs inputChannels >= 1, got " + inputChannels);
    }
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("U-Net depth must be in [1, " + MAX_DEPTH + "], got " + depth);
    }
    if (baseWidth < 1) {
      throw new IllegalArgumentException("U-Net baseWidth must be >= 1, got " + baseWidth);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("U-Net dropout must be in [0, 1), got " + dropout);
    }
    if (seReduction < 1) {
      throw new IllegalArgumentException("U-Net seReduction must be >= 1, got " + seReduction);
    }
    if (upsampling == null) {
      throw new IllegalArgumentException("U-Net upsampling must be given");
    }
    if (!(outputScale > 0) || Float.isInfinite(outputScale)) {
      throw new IllegalArgumentException("U-Net outputScale must be finite and > 0, got " + outputScale);
    }
  }

  /** Input height and width are padded up to a multiple of this ({@code 2^depth}). */
  public int sizeMultiple() {
    return 1 << depth;
  }

  /** Channels at level {@code level} (0 = full resolution, {@code depth} = bottleneck). */
  public int width(int level) {
    return baseWidth << level;
  }

  public UNetConfig withOutputScale(float scale) {
    return new UNetConfig(inputChannels, depth, baseWidth, batchNorm, dropout, squeezeExcitation, seReduction, upsampling, scale);
  }
}

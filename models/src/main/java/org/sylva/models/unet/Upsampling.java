package org.sylva.models.unet;

/** How the U-Net decoder doubles the resolution of its feature maps. */
public enum Upsampling {
  /**
   * 1×1 convolution to the decoder width, then bilinear ×2 interpolation (half-pixel centres, no corner
   * alignment). The convolution runs at the coarse resolution: a 1×1 convolution and bilinear interpolation
   * commute, so this is 4× cheaper than interpolating first and gives the same result.
   */
  BILINEAR,
  /**
   * Learned 2×2 stride-2 up-convolution: a 1×1 convolution to 4× the decoder width followed by a pixel
   * shuffle (depth-to-space). This is the sub-pixel form of a 2×2 stride-2 transposed convolution (DJL's
   * PyTorch engine has no deconvolution); it has one bias per sub-pixel position instead of one per channel.
   */
  TRANSPOSED
}

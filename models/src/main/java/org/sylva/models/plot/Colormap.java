package org.sylva.models.plot;

import java.awt.Color;

/** Perceptual colour maps, linearly interpolated between published anchor colours. */
public enum Colormap {
  /** matplotlib's viridis (sequential): heights, densities. */
  VIRIDIS(new int[] {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}),
  /** ColorBrewer RdBu reversed (diverging, blue negative, red positive): signed errors. */
  BLUE_RED(new int[] {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F}),
  /** matplotlib's magma-like sequential map for absolute errors. */
  MAGMA(new int[] {0x000004, 0x1C1044, 0x4F127B, 0x812581, 0xB5367A, 0xE55064, 0xFB8761, 0xFEC287, 0xFCFDBF});

  private final int[] anchors;

  Colormap(int[] anchors) {
    this.anchors = anchors;
  }

  /** Colour at {@code t} in [0, 1] (clamped). */
  public Color at(double t) {
    return new Color(rgb(t));
  }

  /** Packed RGB at {@code t} in [0, 1] (clamped). */
  public int rgb(double t) {
    double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    double pos = clamped * (anchors.length - 1);
    int i = Math.min((int) pos, anchors.length - 2);
    double f = pos - i;
    int a = anchors[i];
    int b = anchors[i + 1];
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
    int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    return (r << 16) | (g << 8) | bl;
  }
}

package org.sylva.models.infer;

/** A dense model applied to batches of equally sized tiles. Implementations need not be thread-safe. */
public interface TileModel {

  int inputChannels();

  /** Output bands, e.g. 1 (height) or 2 (height and its uncertainty). */
  int outputChannels();

  /** Tile height and width must be multiples of this (e.g. {@code 2^depth} for a U-Net). */
  int sizeMultiple();

  /**
   * Predicts {@code n} tiles: {@code input} holds {@code n × inputChannels × height × width} raw values
   * (NaN = missing), band-sequential per tile; returns {@code n × outputChannels × height × width}.
   */
  float[] predict(float[] input, int n, int height, int width);
}

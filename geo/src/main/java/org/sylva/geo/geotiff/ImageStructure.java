package org.sylva.geo.geotiff;

import org.sylva.geo.raster.DataType;

/**
 * How one image of a TIFF (the full resolution or an overview) is stored: size, block (tile or strip) size,
 * bands, sample type, compression, predictor and interleave. Strips are described as blocks as wide as the
 * image and {@code RowsPerStrip} high.
 */
public record ImageStructure(
    int width, int height, boolean tiled, int blockWidth, int blockHeight, int bands, DataType dataType,
    Compression compression, Predictor predictor, Interleave interleave) {

  public int blocksAcross() {
    return (width + blockWidth - 1) / blockWidth;
  }

  public int blocksDown() {
    return (height + blockHeight - 1) / blockHeight;
  }

  /** Blocks per band plane (all blocks for pixel interleave). */
  public int blocksPerPlane() {
    return blocksAcross() * blocksDown();
  }

  /** Samples per pixel stored in each block: all bands for PIXEL interleave, one for BAND. */
  int samplesPerBlockPixel() {
    return interleave == Interleave.PIXEL ? bands : 1;
  }

  /** "512x512 tiles" or "strips of 16 rows". */
  public String blockDescription() {
    return tiled ? blockWidth + "x" + blockHeight + " tiles" : "strips of " + blockHeight + " rows";
  }
}

package org.sylva.geo.raster;

import java.io.Serializable;

/**
 * Affine pixel-to-map transform in GDAL's six-coefficient convention: pixel corner (col, row) maps to
 * {@code x = originX + col·pixelWidth + row·rowRotation} and {@code y = originY + col·colRotation + row·pixelHeight}.
 * For north-up rasters the rotations are 0 and {@code pixelHeight} is negative. Units are those of the CRS
 * (metres for UTM, degrees for EPSG:4326).
 */
public record GeoTransform(
    double originX, double pixelWidth, double rowRotation,
    double originY, double colRotation, double pixelHeight) implements Serializable {

  /** North-up transform with square or rectangular pixels; {@code pixelHeight} given as a positive size. */
  public static GeoTransform northUp(double originX, double originY, double pixelWidth, double pixelHeightPositive) {
    return new GeoTransform(originX, pixelWidth, 0, originY, 0, -pixelHeightPositive);
  }

  public boolean isNorthUp() {
    return rowRotation == 0 && colRotation == 0 && pixelHeight < 0 && pixelWidth > 0;
  }

  /** Map x of the pixel-space point (col, row); pixel centres are at col + 0.5, row + 0.5. */
  public double mapX(double col, double row) {
    return originX + col * pixelWidth + row * rowRotation;
  }

  /** Map y of the pixel-space point (col, row). */
  public double mapY(double col, double row) {
    return originY + col * colRotation + row * pixelHeight;
  }

  /** Pixel-space column of a map point (inverse transform). */
  public double col(double x, double y) {
    double det = pixelWidth * pixelHeight - rowRotation * colRotation;
    return ((x - originX) * pixelHeight - (y - originY) * rowRotation) / det;
  }

  /** Pixel-space row of a map point (inverse transform). */
  public double row(double x, double y) {
    double det = pixelWidth * pixelHeight - rowRotation * colRotation;
    return ((y - originY) * pixelWidth - (x - originX) * colRotation) / det;
  }

  /** The transform of a sub-grid whose pixel (0, 0) is this grid's pixel (col, row). */
  public GeoTransform shifted(int col, int row) {
    return new GeoTransform(mapX(col, row), pixelWidth, rowRotation, mapY(col, row), colRotation, pixelHeight);
  }

  /** The transform of the same area sampled {@code factor} times coarser (overviews). */
  public GeoTransform scaled(double factor) {
    return new GeoTransform(originX, pixelWidth * factor, rowRotation * factor,
        originY, colRotation * factor, pixelHeight * factor);
  }

  /** As GDAL prints it: {@code (originX, pixelWidth, rowRotation, originY, colRotation, pixelHeight)}. */
  public double[] toGdalArray() {
    return new double[] {originX, pixelWidth, rowRotation, originY, colRotation, pixelHeight};
  }
}

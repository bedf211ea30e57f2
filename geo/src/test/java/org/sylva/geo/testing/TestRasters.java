package org.sylva.geo.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

/**
 * Small deterministic rasters for tests: smooth terrain-like surfaces plus seeded noise, with optional
 * nodata holes, on UTM 30N (EPSG:32630) or WGS 84 grids near the Landes forest.
 */
public final class TestRasters {

  private TestRasters() {}

  /** A {@code width × height} UTM 30N grid with square pixels of {@code pixelMetres}, origin at (600000, 4950000). */
  public static GridGeometry utmGrid(int width, int height, double pixelMetres) {
    return new GridGeometry(Crs.epsg(32630), GeoTransform.northUp(600000, 4950000, pixelMetres, pixelMetres), width, height);
  }

  /** Smooth hills (amplitude {@code amplitude}, wavelength ~{@code wavelength} pixels) around {@code mean}, plus noise. */
  public static float[] terrain(int width, int height, double mean, double amplitude, double wavelength, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[width * height];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        double hills = Math.sin(c / wavelength) * Math.cos(r / (0.8 * wavelength)) + 0.3 * Math.sin((c + r) / (2.7 * wavelength));
        v[r * width + c] = (float) (mean + amplitude * hills + noise * (random.nextDouble() - 0.5));
      }
    }
    return v;
  }

  /** Samples rounded to the type (integers) and clamped to its range. */
  public static float[] asType(float[] samples, DataType type) {
    float[] out = samples.clone();
    if (!type.isFloatingPoint()) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) Math.max(type.minValue(), Math.min(type.maxValue(), Math.rint(out[i]))) + 0.0f; // no -0.0
      }
    }
    return out;
  }

  /**
   * Asserts two sample arrays are identical (NaN equals NaN), naming the first differing index; much faster
   * than element-wise AssertJ on rasters.
   */
  public static void assertSameSamples(float[] actual, float[] expected) {
    if (actual.length != expected.length) {
      throw new AssertionError("expected " + expected.length + " samples, got " + actual.length);
    }
    for (int i = 0; i < actual.length; i++) {
      if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
        throw new AssertionError("sample " + i + ": expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }

  /** Sets a rectangle of samples to {@code value} (a nodata hole). */
  public static void hole(float[] samples, int width, int col, int row, int holeWidth, int holeHeight, float value) {
    for (int r = row; r < row + holeHeight; r++) {
      for (int c = col; c < col + holeWidth; c++) {
        samples[r * width + c] = value;
      }
    }
  }

  /** Writes single- or multi-band samples (one array per band) as a COG in one window. */
  public static Path write(Path file, GridGeometry grid, GeoTiffProfile profile, float[]... bands) throws IOException {
    try (GeoTiffWriter writer = GeoTiff.create(file, grid, profile)) {
      writer.write(grid.fullWindow(), bands);
      writer.commit();
    }
    return file;
  }
}

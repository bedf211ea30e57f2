package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * GeoTIFF entry points, rasterio style:
 *
 * <pre>{@code
 * try (GeoTiffReader r = GeoTiff.open(path)) {
 *   float[] red = r.read(new PixelWindow(0, 0, 1024, 1024), 0);
 * }
 * try (GeoTiffWriter w = GeoTiff.create(out, grid, GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).build())) {
 *   w.write(window, 0, samples);   // any window order
 *   w.commit();                    // COG written to a temporary file, then moved into place
 * }
 * }</pre>
 */
public final class GeoTiff {

  private GeoTiff() {}

  /** Opens a GeoTIFF for windowed reads. */
  public static GeoTiffReader open(Path path) throws IOException {
    return GeoTiffReader.open(path);
  }

  /** Starts writing a Cloud-Optimized GeoTIFF on {@code grid}; nothing appears at {@code path} before commit. */
  public static GeoTiffWriter create(Path path, GridGeometry grid, GeoTiffProfile profile) throws IOException {
    return new GeoTiffWriter(path, grid, profile);
  }

  /**
   * Copies a whole source into a COG at {@code target}, one row of tiles at a time (bounded memory), reporting
   * the rows done to {@code progress}. The source grid becomes the file's grid.
   */
  public static void copy(RasterSource source, Path target, GeoTiffProfile profile, IntConsumer progress) throws IOException {
    GridGeometry grid = source.grid();
    if (profile.bandCount() != source.bandCount()) {
      throw new IllegalArgumentException(target + ": profile has " + profile.bandCount() + " bands, source has " + source.bandCount());
    }
    try (GeoTiffWriter writer = create(target, grid, profile)) {
      int rows = profile.tileSize();
      for (int row = 0; row < grid.height(); row += rows) {
        PixelWindow window = new PixelWindow(0, row, grid.width(), Math.min(rows, grid.height() - row));
        writer.write(window, source.read(window).bands());
        progress.accept(window.height());
      }
      writer.commit();
    }
  }
}

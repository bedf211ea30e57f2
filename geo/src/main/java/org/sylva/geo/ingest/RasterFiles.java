package org.sylva.geo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sylva.geo.composite.RasterOpener;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.RasterSource;

/**
 * The {@link RasterOpener} of an ingestion: {@link GeoTiff#open} (lazy, thread-safe windowed reads), keeping
 * every reader it opened so they are all closed together when compositing is over. Opening is synchronised;
 * reading is concurrent.
 */
final class RasterFiles implements RasterOpener, AutoCloseable {

  private final List<GeoTiffReader> open = new ArrayList<>();

  @Override
  public synchronized RasterSource open(Path file) throws IOException {
    GeoTiffReader reader = GeoTiff.open(file);
    open.add(reader);
    return reader;
  }

  @Override
  public synchronized void close() {
    for (GeoTiffReader reader : open) {
      try {
        reader.close();
      } catch (IOException e) {
        // read-only files: nothing to lose when closing fails
      }
    }
    open.clear();
  }
}

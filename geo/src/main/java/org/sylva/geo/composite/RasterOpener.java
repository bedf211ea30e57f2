package org.sylva.geo.composite;

import java.io.IOException;
import java.nio.file.Path;
import org.sylva.geo.raster.RasterSource;

/**
 * Opens a raster file (a GeoTIFF/COG band of a scene). The GeoTIFF reader plugs in here as
 * {@code GeoTiff::open}; tests and the demo scene use in-memory sources. Opened sources must support
 * concurrent reads.
 */
@FunctionalInterface
public interface RasterOpener {

  RasterSource open(Path file) throws IOException;
}

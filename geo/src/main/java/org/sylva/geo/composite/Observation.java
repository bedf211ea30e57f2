package org.sylva.geo.composite;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sylva.geo.raster.GridGeometry;

/**
 * One acquisition of one sensor (a Sentinel-2 L2A scene, a Sentinel-1 RTC pair) as the compositor sees it:
 * a time, band names, and a way to read any window of the target grid as masked physical values.
 * Implementations are thread-safe: tiles are read concurrently.
 */
public interface Observation {

  /** Identifier for messages, e.g. the STAC item id. */
  String id();

  Instant time();

  /** Bands every tile of this observation yields, in order (e.g. B02 … B12, or VV, VH). */
  List<String> bandNames();

  /** Reads the observation over a tile of the target grid. */
  ObservationTile read(GridGeometry tile) throws IOException;
}

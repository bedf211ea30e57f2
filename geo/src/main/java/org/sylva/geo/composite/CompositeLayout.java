package org.sylva.geo.composite;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sylva.geo.raster.GridGeometry;

/**
 * What a composite raster looks like before its first tile arrives: the full target grid, its bands in
 * order (e.g. {@code B02 … B12, B02_mean …, count}), the tile size the compositor uses, a description and
 * dataset-level metadata (sensor, date range, observations used) for the file. Samples are float32 with NaN
 * as nodata; the {@code count} band is a float holding an integer (0 where no observation was valid).
 */
public record CompositeLayout(GridGeometry grid, List<CompositeBand> bands, int tileSize, String description,
    Map<String, String> metadata) {

  public CompositeLayout {
    bands = List.copyOf(bands);
    metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  public List<String> bandNames() {
    return bands.stream().map(CompositeBand::name).toList();
  }

  public int bandIndex(String name) {
    int index = bandNames().indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no band " + name + " in " + bandNames());
    }
    return index;
  }
}

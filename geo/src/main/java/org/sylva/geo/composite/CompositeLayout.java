package org.sylva.geo.composite;

import java.util.List;
import org.sylva.geo.raster.GridGeometry;

/**
 * What a composite raster looks like before its first tile arrives: the full target grid, band names in
 * order (e.g. {@code B02_mean, B02_median, …, count}), the tile size the compositor uses, and a description
 * for metadata. Samples are float32 with NaN as nodata; the {@code count} band is a float holding an integer.
 */
public record CompositeLayout(GridGeometry grid, List<String> bandNames, int tileSize, String description) {

  public CompositeLayout {
    bandNames = List.copyOf(bandNames);
  }

  public int bandIndex(String name) {
    int index = bandNames.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no band " + name + " in " + bandNames);
    }
    return index;
  }
}

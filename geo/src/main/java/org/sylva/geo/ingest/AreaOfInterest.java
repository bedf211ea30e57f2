package org.sylva.geo.ingest;

import java.util.Objects;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * A rectangle in a projected CRS (map units, e.g. UTM metres) that the target grid must cover; the grid's
 * edges are snapped outwards to multiples of the resolution.
 */
public record AreaOfInterest(CoordinateReferenceSystem crs, double minX, double minY, double maxX, double maxY) {

  public AreaOfInterest {
    Objects.requireNonNull(crs, "crs");
    if (!(minX < maxX && minY < maxY)) {
      throw new IllegalArgumentException("empty area of interest [" + minX + ", " + minY + ", " + maxX + ", " + maxY + "]");
    }
  }
}

package org.sylva.geo.geotiff;

/** How bands are stored: PIXEL = all bands in each tile (PlanarConfiguration 1); BAND = one plane per band (2). */
public enum Interleave {
  PIXEL,
  BAND
}

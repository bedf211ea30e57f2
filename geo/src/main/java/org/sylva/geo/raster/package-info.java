/**
 * Raster core: grids ({@link org.sylva.geo.raster.GridGeometry}), windows, in-memory blocks and the
 * {@link org.sylva.geo.raster.RasterSource} abstraction that GeoTIFF readers and virtual rasters implement.
 */
package org.sylva.geo.raster;

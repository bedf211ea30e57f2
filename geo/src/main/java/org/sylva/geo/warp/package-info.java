/**
 * Resampling and reprojection of raster sources onto target grids ({@link org.sylva.geo.warp.Reprojection}),
 * with gdalwarp's pixel conventions and Apache SIS coordinate operations.
 */
package org.sylva.geo.warp;

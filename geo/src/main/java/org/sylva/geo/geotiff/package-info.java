/**
 * GeoTIFF and Cloud-Optimized GeoTIFF reading and writing: {@link org.sylva.geo.geotiff.GeoTiff#open} gives a
 * lazy, thread-safe {@link org.sylva.geo.geotiff.GeoTiffReader}; {@link org.sylva.geo.geotiff.GeoTiff#create}
 * a {@link org.sylva.geo.geotiff.GeoTiffWriter} that writes GDAL's COG layout atomically.
 *
 * <p>Why a codec of our own: Apache SIS 1.6's GeoTIFF reader does not decode the floating-point predictor
 * (GDAL's default for float32 COGs) and its writer has no overviews or COG ordering; mil.nga tiff 3.0 reads
 * whole files into memory and writes whole images. The TIFF container, tile codec (java.util.zip Deflate,
 * predictors) and COG layout are therefore here; CRSs come from Apache SIS (EPSG codes, and SIS's own GeoTIFF
 * reader for user-defined GeoKeys), LZW decoding from mil.nga.
 */
package org.sylva.geo.geotiff;

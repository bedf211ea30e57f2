package org.sylva.geo.geotiff;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Reads a GeoTIFF's grid: the affine transform from ModelPixelScale + ModelTiepoint or ModelTransformation
 * (PixelIsPoint shifted by half a pixel, as GDAL does) and the CRS from the GeoKeys. EPSG-coded CRSs come
 * from {@link Crs#epsg}; user-defined ones are built by Apache SIS's own GeoTIFF reader.
 */
final class GeoReferencing {

  private GeoReferencing() {}

  static GridGeometry read(Path file, TiffDirectory dir, int width, int height) throws RasterFormatException {
    long[] directory = dir.longs(TiffTags.GEO_KEY_DIRECTORY);
    if (directory == null) {
      throw new RasterFormatException(file, "no GeoKeys: a plain TIFF, not a GeoTIFF (Sylva needs a CRS and a geotransform)");
    }
    GeoKeys keys = GeoKeys.parse(file, directory, dir.doubles(TiffTags.GEO_DOUBLE_PARAMS), dir.text(TiffTags.GEO_ASCII_PARAMS));
    GeoTransform transform = transform(file, dir);
    if (keys.pixelIsPoint()) {
      // The tiepoint names a pixel centre: move the origin to the pixel corner, as GDAL does.
      transform = new GeoTransform(transform.mapX(-0.5, -0.5), transform.pixelWidth(), transform.rowRotation(),
          transform.mapY(-0.5, -0.5), transform.colRotation(), transform.pixelHeight());
    }
    return new GridGeometry(crs(file, keys), transform, width, height);
  }

  static GeoTransform transform(Path file, TiffDirectory dir) throws RasterFormatException {
    double[] matrix = dir.doubles(TiffTags.MODEL_TRANSFORMATION);
    if (matrix != null && matrix.length >= 8) {
      return new GeoTransform(matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]);
    }
    double[] scale = dir.doubles(TiffTags.MODEL_PIXEL_SCALE);
    double[] tiepoints = dir.doubles(TiffTags.MODEL_TIEPOINT);
    if (scale != null && scale.length >= 2 && tiepoints != null && tiepoints.length >= 6) {
      double originX = tiepoints[3] - tiepoints[0] * scale[0];
      double originY = tiepoints[4] + tiepoints[1] * scale[1];
      return new GeoTransform(originX, scale[0], 0, originY, 0, -scale[1]);
    }
    if (tiepoints != null && tiepoints.length >= 12) {
      throw new RasterFormatException(file, "georeferenced only by " + tiepoints.length / 6
          + " ground control points, no geotransform (e.g. Sentinel-1 GRD); provide a terrain-corrected (RTC) product");
    }
    throw new RasterFormatException(file, "no geotransform (ModelPixelScale + ModelTiepoint or ModelTransformation)");
  }

  private static CoordinateReferenceSystem crs(Path file, GeoKeys keys) throws RasterFormatException {
    OptionalInt code = keys.epsgCode();
    if (code.isPresent()) {
      try {
        return Crs.epsg(code.getAsInt());
      } catch (IllegalArgumentException e) {
        throw new RasterFormatException(file, e.getMessage(), e);
      }
    }
    if (!keys.keys().containsKey(GeoKeys.PROJECTED_CS_TYPE) && !keys.keys().containsKey(GeoKeys.GEOGRAPHIC_TYPE)
        && !keys.keys().containsKey(GeoKeys.GT_MODEL_TYPE)) {
      throw new RasterFormatException(file, "GeoKeys define no CRS (no model type, projected or geographic CRS key)");
    }
    return userDefined(file);
  }

  /** User-defined GeoKeys (projection parameters instead of a code): let Apache SIS's GeoTIFF reader build the CRS. */
  private static CoordinateReferenceSystem userDefined(Path file) throws RasterFormatException {
    try (DataStore store = DataStores.open(new StorageConnector(file))) {
      if (store instanceof GeoTiffStore geoTiff && !geoTiff.components().isEmpty()) {
        CoordinateReferenceSystem crs = geoTiff.components().get(0).getGridGeometry().getCoordinateReferenceSystem();
        return Crs.gisOrder(crs);
      }
      throw new RasterFormatException(file, "Apache SIS could not read the user-defined CRS of the GeoKeys");
    } catch (DataStoreException | RuntimeException e) {
      throw new RasterFormatException(file, "unsupported user-defined CRS in GeoKeys: " + e.getMessage(), e);
    }
  }
}

package org.sylva.geo.geotiff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import javax.measure.Unit;
import org.apache.sis.measure.Units;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.RasterFormatException;

/**
 * The GeoTIFF key directory (tags 34735/34736/34737): decoded keys by id, and the encoding Sylva writes,
 * which mirrors GDAL's for EPSG-coded projected and geographic CRSs.
 */
record GeoKeys(Map<Integer, Object> keys) {

  static final int GT_MODEL_TYPE = 1024;
  static final int GT_RASTER_TYPE = 1025;
  static final int GT_CITATION = 1026;
  static final int GEOGRAPHIC_TYPE = 2048;
  static final int GEOG_CITATION = 2049;
  static final int GEOG_ANGULAR_UNITS = 2054;
  static final int GEOG_SEMI_MAJOR_AXIS = 2057;
  static final int GEOG_INV_FLATTENING = 2059;
  static final int PROJECTED_CS_TYPE = 3072;
  static final int PROJ_LINEAR_UNITS = 3076;

  static final int MODEL_PROJECTED = 1;
  static final int MODEL_GEOGRAPHIC = 2;
  static final int RASTER_PIXEL_IS_POINT = 2;
  static final int USER_DEFINED = 32767;

  /** Decodes the key directory; values are Integer (SHORT), double[] or String. */
  static GeoKeys parse(Path file, long[] directory, double[] doubles, String ascii) throws RasterFormatException {
    if (directory.length < 4 || directory.length < 4 + 4 * directory[3]) {
      throw new RasterFormatException(file, "corrupt GeoKeyDirectory (" + directory.length + " values)");
    }
    Map<Integer, Object> keys = new TreeMap<>();
    for (int i = 0; i < directory[3]; i++) {
      int at = 4 + 4 * i;
      int key = (int) directory[at];
      int location = (int) directory[at + 1];
      int count = (int) directory[at + 2];
      int value = (int) directory[at + 3];
      if (location == 0) {
        keys.put(key, value);
      } else if (location == TiffTags.GEO_DOUBLE_PARAMS && doubles != null && value + count <= doubles.length) {
        double[] d = new double[count];
        System.arraycopy(doubles, value, d, 0, count);
        keys.put(key, d);
      } else if (location == TiffTags.GEO_ASCII_PARAMS && ascii != null && value + count <= ascii.length()) {
        String s = ascii.substring(value, value + count);
        keys.put(key, s.endsWith("|") ? s.substring(0, s.length() - 1) : s);
      }
    }
    return new GeoKeys(keys);
  }

  int intKey(int key, int defaultValue) {
    return keys.get(key) instanceof Integer i ? i : defaultValue;
  }

  /** The EPSG code of the CRS when the keys name one (not user-defined). */
  OptionalInt epsgCode() {
    int model = intKey(GT_MODEL_TYPE, 0);
    int projected = intKey(PROJECTED_CS_TYPE, 0);
    int geographic = intKey(GEOGRAPHIC_TYPE, 0);
    if (model != MODEL_GEOGRAPHIC && isCode(projected)) {
      return OptionalInt.of(projected);
    }
    if (model != MODEL_PROJECTED && isCode(geographic)) {
      return OptionalInt.of(geographic);
    }
    return OptionalInt.empty();
  }

  boolean pixelIsPoint() {
    return intKey(GT_RASTER_TYPE, 1) == RASTER_PIXEL_IS_POINT;
  }

  private static boolean isCode(int code) {
    return code > 0 && code < USER_DEFINED;
  }

  /** The three tag values GDAL writes for an EPSG-coded CRS: directory, doubles (maybe empty), ascii. */
  record Encoded(int[] directory, double[] doubles, String ascii) {}

  static Encoded encode(CoordinateReferenceSystem crs) {
    int code = Crs.epsgCode(crs).orElseThrow(() -> new IllegalArgumentException(
        "CRS \"" + crs.getName().getCode() + "\" has no EPSG code; Sylva writes GeoTIFF CRSs by EPSG code"));
    List<int[]> entries = new ArrayList<>();
    List<Double> doubles = new ArrayList<>();
    StringBuilder ascii = new StringBuilder();
    if (crs instanceof ProjectedCRS projected) {
      entries.add(new int[] {GT_MODEL_TYPE, 0, 1, MODEL_PROJECTED});
      entries.add(new int[] {GT_RASTER_TYPE, 0, 1, 1});
      entries.add(asciiEntry(GT_CITATION, crs.getName().getCode(), ascii));
      entries.add(asciiEntry(GEOG_CITATION, projected.getBaseCRS().getName().getCode(), ascii));
      if (Units.DEGREE.equals(angularUnit(projected.getBaseCRS()))) {
        entries.add(new int[] {GEOG_ANGULAR_UNITS, 0, 1, 9102});
      }
      entries.add(new int[] {PROJECTED_CS_TYPE, 0, 1, code});
      if (Units.METRE.equals(projected.getCoordinateSystem().getAxis(0).getUnit())) {
        entries.add(new int[] {PROJ_LINEAR_UNITS, 0, 1, 9001});
      }
    } else if (crs instanceof GeographicCRS geographic) {
      entries.add(new int[] {GT_MODEL_TYPE, 0, 1, MODEL_GEOGRAPHIC});
      entries.add(new int[] {GT_RASTER_TYPE, 0, 1, 1});
      entries.add(new int[] {GEOGRAPHIC_TYPE, 0, 1, code});
      entries.add(asciiEntry(GEOG_CITATION, crs.getName().getCode(), ascii));
      if (Units.DEGREE.equals(angularUnit(geographic))) {
        entries.add(new int[] {GEOG_ANGULAR_UNITS, 0, 1, 9102});
      }
      // GDAL stores the inverse flattening first, then the semi-major axis.
      Ellipsoid ellipsoid = geographic.getDatum().getEllipsoid();
      doubles.add(ellipsoid.getInverseFlattening());
      doubles.add(ellipsoid.getSemiMajorAxis());
      entries.add(new int[] {GEOG_SEMI_MAJOR_AXIS, TiffTags.GEO_DOUBLE_PARAMS, 1, 1});
      entries.add(new int[] {GEOG_INV_FLATTENING, TiffTags.GEO_DOUBLE_PARAMS, 1, 0});
    } else {
      throw new IllegalArgumentException("CRS EPSG:" + code + " is neither projected nor geographic");
    }
    int[] directory = new int[4 + 4 * entries.size()];
    directory[0] = 1;
    directory[1] = 1;
    directory[2] = 0;
    directory[3] = entries.size();
    for (int i = 0; i < entries.size(); i++) {
      System.arraycopy(entries.get(i), 0, directory, 4 + 4 * i, 4);
    }
    return new Encoded(directory, doubles.stream().mapToDouble(Double::doubleValue).toArray(), ascii.toString());
  }

  private static int[] asciiEntry(int key, String value, StringBuilder ascii) {
    int offset = ascii.length();
    String clean = value.replace('|', ' ');
    ascii.append(clean).append('|');
    return new int[] {key, TiffTags.GEO_ASCII_PARAMS, clean.length() + 1, offset};
  }

  private static Unit<?> angularUnit(GeographicCRS crs) {
    return crs.getCoordinateSystem().getAxis(0).getUnit();
  }
}

package org.sylva.geo.raster;

import java.util.OptionalInt;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Coordinate reference systems as rasters use them. A {@link GeoTransform} maps pixels to x = easting or
 * longitude and y = northing or latitude (GDAL's "traditional GIS order"), whatever axis order the EPSG
 * definition declares (EPSG:4326 is latitude first). The CRSs Sylva hands out are therefore in that order
 * ({@link #gisOrder}); EPSG codes are looked up ignoring axis order. All CRS maths is Apache SIS's.
 */
public final class Crs {

  private Crs() {}

  /**
   * The CRS of an EPSG code in GIS axis order, e.g. {@code epsg(32630)} (WGS 84 / UTM 30N) or
   * {@code epsg(4326)} (WGS 84, longitude first).
   *
   * @throws IllegalArgumentException if Apache SIS does not know the code (without the optional EPSG database
   *     SIS knows WGS 84, UTM zones, Web Mercator and a few more)
   */
  public static CoordinateReferenceSystem epsg(int code) {
    try {
      return gisOrder(CRS.forCode("EPSG:" + code));
    } catch (FactoryException e) {
      throw new IllegalArgumentException("EPSG:" + code + " is not known to Apache SIS"
          + " (codes beyond WGS 84, UTM and Web Mercator need the SIS EPSG database): " + firstLine(e), e);
    }
  }

  /** The same CRS with east/north axes first (longitude before latitude). */
  public static CoordinateReferenceSystem gisOrder(CoordinateReferenceSystem crs) {
    return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
  }

  /** The EPSG code of a CRS ignoring axis order and metadata, if SIS can identify one. */
  public static OptionalInt epsgCode(CoordinateReferenceSystem crs) {
    try {
      Integer code = IdentifiedObjects.lookupEPSG(crs);
      if (code != null) {
        return OptionalInt.of(code);
      }
      IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
      finder.setIgnoringAxes(true);
      IdentifiedObject match = finder.findSingleton(crs);
      if (match != null) {
        code = IdentifiedObjects.lookupEPSG(match);
      }
      return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    } catch (FactoryException e) {
      return OptionalInt.empty();
    }
  }

  /** "EPSG:32630" when the CRS has an EPSG code, else its name. */
  public static String label(CoordinateReferenceSystem crs) {
    OptionalInt code = epsgCode(crs);
    return code.isPresent() ? "EPSG:" + code.getAsInt() : crs.getName().getCode();
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

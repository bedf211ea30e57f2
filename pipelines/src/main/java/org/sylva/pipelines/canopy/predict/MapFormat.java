package org.sylva.pipelines.canopy.predict;

import java.util.Locale;
import org.sylva.geo.raster.DataType;

/**
 * How heights are stored in the map: {@link #FLOAT32} metres with NaN as nodata (exact), or {@link #UINT16}
 * decimetres with 65535 as nodata and scale 0.1 in the band metadata (GDAL, rasterio and QGIS unscale to
 * metres; half the size). Heights are clamped at 0 and, in decimetres, at 6553.4 m.
 */
public enum MapFormat {
  FLOAT32(DataType.FLOAT32, Double.NaN, 1),
  UINT16(DataType.UINT16, 65535, 0.1);

  private final DataType dataType;
  private final double nodata;
  private final double scale;

  MapFormat(DataType dataType, double nodata, double scale) {
    this.dataType = dataType;
    this.nodata = nodata;
    this.scale = scale;
  }

  public static MapFormat parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "float32" -> FLOAT32;
      case "uint16", "uint16-dm", "decimetres" -> UINT16;
      default -> throw new IllegalArgumentException("map format must be float32 or uint16, got '" + value + "'");
    };
  }

  public DataType dataType() {
    return dataType;
  }

  public double nodata() {
    return nodata;
  }

  /** Metres per stored unit. */
  public double scale() {
    return scale;
  }

  /** The stored value of a height in metres (NaN → nodata). */
  public float encode(float metres) {
    if (Float.isNaN(metres)) {
      return (float) nodata;
    }
    float clamped = Math.max(0f, metres);
    return this == FLOAT32 ? clamped : Math.min(65534f, Math.round(clamped * 10f));
  }

  /** Height in metres of a stored value (nodata → NaN). */
  public float decode(float stored) {
    if (this == FLOAT32) {
      return stored;
    }
    return stored == (float) nodata ? Float.NaN : stored / 10f;
  }
}

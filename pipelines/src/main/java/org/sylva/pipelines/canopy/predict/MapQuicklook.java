package org.sylva.pipelines.canopy.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.RasterSource;
import org.sylva.models.plot.Charts;
import org.sylva.models.plot.Colormap;

/**
 * A PNG quick-look of a map band with a colour bar, drawn from the COG's first overview at most
 * {@value #MAX_PIXELS} pixels wide (the full image when it is that small), in map coordinates.
 */
public final class MapQuicklook {

  public static final int MAX_PIXELS = 1000;

  private MapQuicklook() {}

  /**
   * Draws band {@code band} of {@code cog}, decoded with {@code format}, with {@code colormap} from
   * {@code vMin} to {@code vMax} (NaN: 0 to the larger of 30 m and the 99th percentile).
   */
  public static void write(Path cog, int band, MapFormat format, Path png, String title, String colourbarLabel,
      Colormap colormap, double vMin, double vMax) throws IOException {
    try (GeoTiffReader reader = GeoTiff.open(cog)) {
      RasterSource source = reader;
      for (int level = 0; level < reader.overviewCount() && source.grid().width() > MAX_PIXELS; level++) {
        source = reader.overview(level);
      }
      float[] values = source.read(source.grid().fullWindow(), band);
      for (int i = 0; i < values.length; i++) {
        values[i] = format.decode(values[i]);
      }
      double lo = Double.isNaN(vMin) ? 0 : vMin;
      double hi = Double.isNaN(vMax) ? Math.max(30, Math.ceil(percentile(values, 0.99))) : vMax;
      double[] b = reader.grid().bounds();
      Charts.field(png, title, "easting (m)", "northing (m)", values, source.grid().width(), source.grid().height(), b[0],
          b[2], b[1], b[3], colormap, lo, hi, colourbarLabel);
    }
  }

  static double percentile(float[] values, double q) {
    float[] finite = new float[values.length];
    int n = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        finite[n++] = v;
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(finite, 0, n);
    return finite[Math.min(n - 1, (int) Math.floor(q * (n - 1)))];
  }
}

package org.sylva.geo.sentinel1;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * Decides whether a Sentinel-1 backscatter raster holds linear power or dB, in this order:
 * <ol>
 *   <li>metadata: a unit string ({@code raster:bands[].unit} of the STAC asset, or a GeoTIFF units tag)
 *       "dB"/"decibel" ⇒ dB; "linear", "1", "power" ⇒ linear. Planetary Computer {@code sentinel-1-rtc}
 *       carries no unit: its γ0 is documented as linear power;</li>
 *   <li>the values: linear power is never negative, while dB backscatter of land is mostly negative
 *       (−25 … 0 dB). On a central window of up to 256×256 valid samples: ≥ 20 % negative ⇒ dB; none
 *       negative and 99th percentile ≤ 10 (γ0 above 10, i.e. +10 dB, is rare outside corner reflectors)
 *       ⇒ linear;</li>
 *   <li>otherwise an error asking for {@code --s1-scale linear|db}.</li>
 * </ol>
 */
public final class BackscatterScaleDetector {

  private BackscatterScaleDetector() {}

  /** The scale a unit string names, if it names one. */
  public static Optional<BackscatterScale> fromUnit(String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    String u = unit.trim().toLowerCase(Locale.ROOT);
    if (u.equals("db") || u.equals("decibel") || u.equals("decibels")) {
      return Optional.of(BackscatterScale.DECIBEL);
    }
    if (u.equals("linear") || u.equals("1") || u.equals("power") || u.equals("linear power") || u.equals("amplitude^2")) {
      return Optional.of(BackscatterScale.LINEAR_POWER);
    }
    return Optional.empty();
  }

  /** The scale a STAC asset's {@code raster:bands} unit names, if any. */
  public static Optional<BackscatterScale> fromRasterBands(JsonNode rasterBands) {
    for (JsonNode band : rasterBands) {
      Optional<BackscatterScale> scale = fromUnit(band.path("unit").asText(null));
      if (scale.isPresent()) {
        return scale;
      }
    }
    return Optional.empty();
  }

  /** The scale the values suggest, or empty when they are ambiguous. */
  public static Optional<BackscatterScale> fromValues(RasterSource source) throws IOException {
    int w = Math.min(256, source.grid().width());
    int h = Math.min(256, source.grid().height());
    PixelWindow window = new PixelWindow((source.grid().width() - w) / 2, (source.grid().height() - h) / 2, w, h);
    float[] values = source.read(window, 0);
    float nodata = source.nodata().isPresent() ? (float) source.nodata().getAsDouble() : Float.NaN;
    float[] valid = new float[values.length];
    int n = 0;
    int negative = 0;
    for (float v : values) {
      if (Float.isFinite(v) && v != nodata) {
        valid[n++] = v;
        if (v < 0) {
          negative++;
        }
      }
    }
    if (n < 100) {
      return Optional.empty();
    }
    if (negative >= 0.2 * n) {
      return Optional.of(BackscatterScale.DECIBEL);
    }
    if (negative == 0) {
      float[] sorted = Arrays.copyOf(valid, n);
      Arrays.sort(sorted);
      if (sorted[(int) (0.99 * (n - 1))] <= 10) {
        return Optional.of(BackscatterScale.LINEAR_POWER);
      }
    }
    return Optional.empty();
  }

  /** Metadata first, then values; an error naming the raster if neither decides. */
  public static BackscatterScale detect(String name, Optional<BackscatterScale> fromMetadata, RasterSource source)
      throws IOException {
    if (fromMetadata.isPresent()) {
      return fromMetadata.get();
    }
    return fromValues(source).orElseThrow(() -> new IOException(name
        + ": cannot tell whether backscatter is linear power or dB (no unit in the metadata, ambiguous values); "
        + "set --s1-scale linear or --s1-scale db"));
  }
}

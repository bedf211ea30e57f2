package org.sylva.geo.sentinel1;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * A backscatter raster seen in linear power, so resampling interpolates power, not dB. Nodata samples
 * become NaN (the view declares no nodata value of its own).
 */
final class LinearPowerSource implements RasterSource {

  private final RasterSource source;
  private final BackscatterScale scale;

  private LinearPowerSource(RasterSource source, BackscatterScale scale) {
    this.source = source;
    this.scale = scale;
  }

  static RasterSource of(RasterSource source, BackscatterScale scale) {
    return new LinearPowerSource(source, scale);
  }

  @Override
  public GridGeometry grid() {
    return source.grid();
  }

  @Override
  public DataType dataType() {
    return DataType.FLOAT32;
  }

  @Override
  public int bandCount() {
    return source.bandCount();
  }

  @Override
  public List<String> bandNames() {
    return source.bandNames();
  }

  @Override
  public OptionalDouble nodata() {
    return OptionalDouble.empty();
  }

  @Override
  public float[] read(PixelWindow window, int band) throws IOException {
    float[] values = source.read(window, band);
    OptionalDouble nodata = source.nodata();
    float fill = nodata.isPresent() ? (float) nodata.getAsDouble() : Float.NaN;
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] == fill ? Float.NaN : (float) scale.toLinear(values[i]);
    }
    return values;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}

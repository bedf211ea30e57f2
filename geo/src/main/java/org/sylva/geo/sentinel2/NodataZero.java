package org.sylva.geo.sentinel2;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * A Sentinel-2 DN raster seen with nodata 0, the L2A convention: files converted by some tools lose the
 * nodata tag (or carry another value), yet DN 0 must never be averaged or interpolated as a reflectance.
 * Samples equal to a declared nodata other than 0 are also turned into 0.
 */
final class NodataZero implements RasterSource {

  private final RasterSource source;

  private NodataZero(RasterSource source) {
    this.source = source;
  }

  static RasterSource wrap(RasterSource source) {
    OptionalDouble nodata = source.nodata();
    return nodata.isPresent() && nodata.getAsDouble() == 0 ? source : new NodataZero(source);
  }

  @Override
  public GridGeometry grid() {
    return source.grid();
  }

  @Override
  public DataType dataType() {
    return source.dataType();
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
    return OptionalDouble.of(0);
  }

  @Override
  public float[] read(PixelWindow window, int band) throws IOException {
    float[] values = source.read(window, band);
    OptionalDouble declared = source.nodata();
    if (declared.isPresent()) {
      float other = (float) declared.getAsDouble();
      for (int i = 0; i < values.length; i++) {
        if (values[i] == other) {
          values[i] = 0;
        }
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}

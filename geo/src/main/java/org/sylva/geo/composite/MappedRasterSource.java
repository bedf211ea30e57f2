package org.sylva.geo.composite;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterSource;

/**
 * A view of a raster whose samples pass through a per-sample function as they are read (unit conversion,
 * nodata normalisation) and that declares its own type and nodata. Thread-safe when the source is.
 */
public final class MappedRasterSource implements RasterSource {

  /** Maps one stored sample to the value the view returns. */
  @FunctionalInterface
  public interface SampleMapping {
    float map(float sample);
  }

  private final RasterSource source;
  private final DataType dataType;
  private final OptionalDouble nodata;
  private final SampleMapping mapping;

  public MappedRasterSource(RasterSource source, DataType dataType, OptionalDouble nodata, SampleMapping mapping) {
    this.source = source;
    this.dataType = dataType;
    this.nodata = nodata;
    this.mapping = mapping;
  }

  @Override
  public GridGeometry grid() {
    return source.grid();
  }

  @Override
  public DataType dataType() {
    return dataType;
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
    return nodata;
  }

  @Override
  public float[] read(PixelWindow window, int band) throws IOException {
    float[] values = source.read(window, band);
    for (int i = 0; i < values.length; i++) {
      values[i] = mapping.map(values[i]);
    }
    return values;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}

package org.sylva.pipelines.canopy.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sylva.geo.composite.CompositeLayout;
import org.sylva.geo.composite.CompositeReport;
import org.sylva.geo.composite.CompositeSink;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterBlock;

/**
 * Writes a composite as a float32 Cloud-Optimized GeoTIFF (NaN nodata, Deflate, overviews), renaming the
 * compositor's bands ({@code B04_median}) to the stack's names ({@code B04}). The file appears only on
 * commit; an aborted composite leaves nothing.
 */
final class CogCompositeSink implements CompositeSink {

  private final Path target;
  private final List<String> bandNames;
  private final String unit;
  private GeoTiffWriter writer;

  /** {@code bandNames}: the output names, one per compositor band in order (count last). */
  CogCompositeSink(Path target, List<String> bandNames, String unit) {
    this.target = target;
    this.bandNames = List.copyOf(bandNames);
    this.unit = unit;
  }

  @Override
  public void begin(CompositeLayout layout) throws IOException {
    if (layout.bandNames().size() != bandNames.size()) {
      throw new IOException(target + ": composite has bands " + layout.bandNames() + ", expected " + bandNames.size());
    }
    GeoTiffProfile.Builder profile = GeoTiffProfile.builder(DataType.FLOAT32, bandNames.size())
        .bandNames(bandNames.toArray(String[]::new))
        .nodata(Double.NaN)
        .metadata("DESCRIPTION", layout.description())
        .threads(2);
    for (int b = 0; b < bandNames.size() - 1; b++) {
      profile.band(b, org.sylva.geo.geotiff.BandMetadata.named(bandNames.get(b)).withUnit(unit));
    }
    writer = GeoTiff.create(target, layout.grid(), profile.build());
  }

  @Override
  public void write(RasterBlock tile) throws IOException {
    writer.write(tile);
  }

  @Override
  public void commit(CompositeReport report) throws IOException {
    writer.commit();
  }

  @Override
  public void abort() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        // nothing was committed; the writer removed its temporary files as far as it could
      }
    }
  }
}

package org.sylva.geo.composite;

import java.io.IOException;
import java.nio.file.Path;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterBlock;
import org.sylva.geo.raster.Resampling;

/**
 * Writes a composite as one multi-band float32 Cloud-Optimized GeoTIFF: nodata NaN (never 0, a valid
 * reflectance), each band's name as its GDAL description (what rasterio calls {@code descriptions}), its unit
 * and statistic in the band metadata, and the layout's description and metadata (sensor, date range,
 * observations) as dataset metadata. Tiles arrive in any order; the writer compresses them as they complete
 * and builds average overviews on the fly. Nothing appears at the target path before {@link #commit}: the
 * COG is assembled in a temporary file and moved into place; {@link #abort} deletes everything.
 */
public final class CogCompositeSink implements CompositeSink {

  private final Path target;
  private final int threads;
  private GeoTiffWriter writer;

  /** @param threads compression threads (the output bytes do not depend on it) */
  public CogCompositeSink(Path target, int threads) {
    this.target = target;
    this.threads = threads;
  }

  public Path target() {
    return target;
  }

  @Override
  public void begin(CompositeLayout layout) throws IOException {
    GeoTiffProfile.Builder profile = GeoTiffProfile.builder(DataType.FLOAT32, layout.bands().size())
        .nodata(Double.NaN)
        .tileSize(cogTileSize(layout.tileSize()))
        .overviews(Resampling.AVERAGE)
        .threads(threads)
        .metadata("DESCRIPTION", layout.description());
    layout.metadata().forEach(profile::metadata);
    for (int b = 0; b < layout.bands().size(); b++) {
      CompositeBand band = layout.bands().get(b);
      BandMetadata metadata = BandMetadata.named(band.name()).withItem("STATISTIC", band.statistic());
      profile.band(b, band.unit().isEmpty() ? metadata : metadata.withUnit(band.unit()));
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
      } catch (IOException | RuntimeException e) {
        // abort must not throw; the writer removes its temporary files on close
      }
    }
  }

  /** The compositor's tile size when COG-compatible (a multiple of 16 up to 4096), else the usual 512. */
  private static int cogTileSize(int compositorTile) {
    return compositorTile % 16 == 0 && compositorTile <= 4096 ? compositorTile : 512;
  }
}

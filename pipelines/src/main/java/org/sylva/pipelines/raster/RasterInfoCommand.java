package org.sylva.pipelines.raster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sylva raster info <file>}: a short gdalinfo. Reads only the header and IFDs, never the pixels. */
@Command(
    name = "info",
    description = "Print a GeoTIFF's size, data type, CRS, geotransform, bands (names, nodata, units),"
        + " storage (tiling, compression, predictor, interleave) and overviews.",
    mixinStandardHelpOptions = true)
public final class RasterInfoCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "GeoTIFF to describe.")
  Path file;

  @Option(names = "--json", description = "Print JSON (machine-readable, same facts) instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (GeoTiffReader reader = GeoTiff.open(file)) {
      if (json) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        spec.commandLine().getOut().println(mapper.writeValueAsString(RasterInfo.describe(reader)));
      } else {
        spec.commandLine().getOut().print(RasterInfo.text(reader));
      }
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}

package org.sylva.pipelines.raster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sylva.geo.geotiff.Compression;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.Predictor;
import org.sylva.geo.raster.Resampling;
import org.sylva.models.progress.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sylva raster cog <in> <out>}: rewrites any GeoTIFF Sylva reads as a Cloud-Optimized GeoTIFF in GDAL's
 * COG layout, keeping the grid, CRS, nodata and band metadata. Streams one row of tiles at a time.
 */
@Command(
    name = "cog",
    description = "Convert a GeoTIFF to a Cloud-Optimized GeoTIFF in GDAL's COG layout (tiled, internal overviews,"
        + " IFDs first). The output is written to a temporary file and moved into place only when complete;"
        + " an existing output file is replaced.",
    mixinStandardHelpOptions = true)
public final class RasterCogCommand implements Callable<Integer> {

  /** Compression choices on the command line. */
  enum CompressionChoice { deflate, none }

  /** Predictor choices on the command line. */
  enum PredictorChoice { auto, none, horizontal, floating }

  /** Overview choices on the command line. */
  enum OverviewChoice { average, nearest, none }

  /** BigTIFF choices on the command line. */
  enum BigTiffChoice { auto, yes, no }

  @Parameters(index = "0", paramLabel = "IN", description = "GeoTIFF to convert.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Cloud-Optimized GeoTIFF to write.")
  Path output;

  @Option(names = "--tile-size", defaultValue = "512", paramLabel = "PIXELS",
      description = "Tile width and height, a multiple of 16 (default: ${DEFAULT-VALUE}).")
  int tileSize;

  @Option(names = "--compression", defaultValue = "deflate", paramLabel = "METHOD",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  CompressionChoice compression;

  @Option(names = "--level", defaultValue = "6", paramLabel = "1-9",
      description = "Deflate level: 1 fastest, 9 smallest (default: ${DEFAULT-VALUE}, as GDAL).")
  int level;

  @Option(names = "--predictor", defaultValue = "auto", paramLabel = "P",
      description = "auto (2 for integers, 3 for float32), none, horizontal (2) or floating (3) (default: ${DEFAULT-VALUE}).")
  PredictorChoice predictor;

  @Option(names = "--overviews", defaultValue = "average", paramLabel = "R",
      description = "Overview resampling: average (nodata-aware), nearest, or none (default: ${DEFAULT-VALUE}).")
  OverviewChoice overviews;

  @Option(names = "--bigtiff", defaultValue = "auto", paramLabel = "MODE",
      description = "auto (BigTIFF only when the file would exceed 4 GiB), yes or no (default: ${DEFAULT-VALUE}).")
  BigTiffChoice bigTiff;

  @Option(names = "--threads", paramLabel = "N",
      description = "Compression threads (default: all cores). The output bytes do not depend on it.")
  Integer threads;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(output) && Files.isSameFile(input, output)) {
      throw new IllegalArgumentException(output + ": the output must differ from the input");
    }
    try (GeoTiffReader reader = GeoTiff.open(input)) {
      GeoTiffProfile.Builder profile = GeoTiffProfile.from(reader)
          .tileSize(tileSize).deflateLevel(level)
          .compression(compression == CompressionChoice.none ? Compression.NONE : Compression.DEFLATE)
          .bigTiff(GeoTiffProfile.BigTiff.valueOf(bigTiff.name().toUpperCase(Locale.ROOT)));
      switch (predictor) {
        case none -> profile.predictor(Predictor.NONE);
        case horizontal -> profile.predictor(Predictor.HORIZONTAL);
        case floating -> profile.predictor(Predictor.FLOATING_POINT);
        case auto -> { }
      }
      switch (overviews) {
        case none -> profile.noOverviews();
        case nearest -> profile.overviews(Resampling.NEAREST);
        case average -> profile.overviews(Resampling.AVERAGE);
      }
      if (threads != null) {
        profile.threads(threads);
      }
      GeoTiffProfile built;
      try {
        built = profile.build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(output + ": " + e.getMessage(), e);
      }
      int height = reader.grid().height();
      try (ProgressBar bar = ProgressBar.start("cog " + output.getFileName(), height)) {
        GeoTiff.copy(reader, output, built, bar::step);
      }
    }
    spec.commandLine().getOut().println(output + ": " + RasterInfo.human(Files.size(output))
        + " Cloud-Optimized GeoTIFF written");
    spec.commandLine().getOut().flush();
    return 0;
  }
}

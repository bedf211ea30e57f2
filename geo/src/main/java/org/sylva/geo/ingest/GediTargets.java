package org.sylva.geo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediAoi;
import org.sylva.geo.gedi.GediFileReport;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.gedi.GediFilterStep;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediFootprintTable;
import org.sylva.geo.gedi.GediFormatException;
import org.sylva.geo.gedi.GediHeightMetric;
import org.sylva.geo.gedi.GediIngest;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.ingest.IngestProblem.Stage;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.Resampling;

/**
 * GEDI granules → kept footprints (Parquet) → sparse target raster (COG). Granules are read in parallel, one
 * reader each; a granule that cannot be read is left out as a whole (its footprints are buffered until it
 * has been read completely), and one whose shots all fail the quality filters is reported. Footprints keep
 * the granule order (file names sorted), so the table is deterministic. The raster is built tile by tile:
 * each tile burns the footprints within a footprint radius of it, so memory holds the footprints (sparse)
 * and one tile, whatever the grid size.
 */
final class GediTargets {

  static final String RH95_BAND = "rh95";
  static final String RH98_BAND = "rh98";
  static final String COUNT_BAND = "count";
  static final String NO_GRANULES = "no GEDI02_A granule (*.h5) in the source: give a folder of GEDI L2A granules";

  private GediTargets() {}

  private record Granule(Path file, GediFileReport report, List<GediFootprint> footprints) {}

  static GediResult run(List<Path> files, GridGeometry grid, IngestOptions options, Path footprintsFile,
      Path targetsFile, ProgressListener progress) throws IOException {
    if (files.isEmpty()) {
      throw new IngestException(NO_GRANULES);
    }
    GediFilterOptions filters = options.gediFilters();
    if (filters.aoi().isEmpty()) {
      double[] b = grid.bounds();
      filters = new GediFilterOptions(filters.requireQualityFlag(), filters.excludeDegraded(), filters.minSensitivity(),
          filters.leafOnOnly(), filters.powerBeamsOnly(), filters.start(), filters.end(),
          java.util.Optional.of(GediAoi.bounds(b[0], b[1], b[2], b[3])));
    }
    GediIngest ingest = new GediIngest(grid.crs(), filters);
    List<IngestProblem> problems = new ArrayList<>();
    List<Granule> granules = read(files, ingest, options.threads(), problems, progress);
    if (granules.isEmpty()) {
      throw new IngestException("no readable GEDI granule among " + files.size() + " (first problem: "
          + problems.get(0).message() + ")");
    }
    List<GediFootprint> kept = new ArrayList<>();
    List<GediFileReport> reports = new ArrayList<>();
    for (Granule g : granules) {
      kept.addAll(g.footprints());
      reports.add(g.report());
      long insideArea = g.report().shotsRead() - g.report().dropped(GediFilterStep.AOI);
      if (g.report().kept() == 0 && insideArea > 0) {
        problems.add(new IngestProblem(g.file().getFileName().toString(), Stage.GEDI,
            g.file().getFileName() + ": " + g.report().warnings().get(0)));
      }
    }
    if (kept.isEmpty()) {
      throw new IngestException("no GEDI footprint passed the filters in the target area (" + files.size()
          + " granules, " + reports.stream().mapToLong(GediFileReport::shotsRead).sum() + " shots read)");
    }
    GediFootprintTable.write(footprintsFile, grid.crsLabel(), kept);
    long hit = writeTargets(kept, grid, options, targetsFile);
    return new GediResult(footprintsFile, targetsFile, reports, kept.size(), hit, problems);
  }

  private static List<Granule> read(List<Path> files, GediIngest ingest, int threads, List<IngestProblem> problems,
      ProgressListener progress) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
      Thread t = new Thread(r, "gedi-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Granule>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> {
          List<GediFootprint> footprints = new ArrayList<>();
          GediFileReport report = ingest.ingest(file, footprints::add);
          return new Granule(file, report, footprints);
        }));
      }
      List<Granule> granules = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          granules.add(futures.get(i).get());
        } catch (ExecutionException e) {
          // Any failure of a granule (the reader's clear GediFormatException, or something jHDF did not expect
          // in a damaged file) leaves that granule out; the others are unaffected.
          String message = e.getCause() instanceof GediFormatException bad ? bad.getMessage()
              : files.get(i) + ": cannot read the GEDI granule: " + SceneCatalog.oneLine(e.getCause());
          problems.add(new IngestProblem(files.get(i).getFileName().toString(), Stage.GEDI, message));
        }
        progress.progress(i + 1, files.size(), files.get(i).getFileName().toString());
      }
      return granules;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading GEDI granules", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes bands rh95, rh98 (metres, NaN where no footprint) and count; returns the pixels hit. */
  private static long writeTargets(List<GediFootprint> footprints, GridGeometry grid, IngestOptions options, Path target)
      throws IOException {
    int tile = options.tileSize();
    FootprintRasterizer.Shape shape = options.rasterization();
    FootprintRasterizer rh95 = new FootprintRasterizer(shape, GediHeightMetric.RH95);
    FootprintRasterizer rh98 = new FootprintRasterizer(shape, GediHeightMetric.RH98);
    int tilesX = (grid.width() + tile - 1) / tile;
    int tilesY = (grid.height() + tile - 1) / tile;
    List<List<GediFootprint>> buckets = bucket(footprints, grid, tile, tilesX, tilesY, shape);
    GeoTiffProfile profile = GeoTiffProfile.builder(DataType.FLOAT32, 3)
        .band(0, BandMetadata.named(RH95_BAND).withUnit("m").withItem("STATISTIC", "mean of footprints"))
        .band(1, BandMetadata.named(RH98_BAND).withUnit("m").withItem("STATISTIC", "mean of footprints"))
        .band(2, BandMetadata.named(COUNT_BAND).withUnit("count").withItem("STATISTIC", "footprints"))
        .nodata(Double.NaN)
        .tileSize(tile)
        .overviews(Resampling.AVERAGE)
        .threads(options.threads())
        .metadata("DESCRIPTION", "GEDI L2A relative heights burnt onto the grid (" + shape.name().toLowerCase(java.util.Locale.ROOT)
            + " footprints); NaN where no footprint")
        .build();
    long hit = 0;
    try (GeoTiffWriter writer = GeoTiff.create(target, grid, profile)) {
      for (int ty = 0; ty < tilesY; ty++) {
        for (int tx = 0; tx < tilesX; tx++) {
          PixelWindow window = new PixelWindow(tx * tile, ty * tile, Math.min(tile, grid.width() - tx * tile),
              Math.min(tile, grid.height() - ty * tile));
          GridGeometry tileGrid = grid.window(window);
          List<GediFootprint> near = buckets.get(ty * tilesX + tx);
          var r95 = rh95.rasterize(near, tileGrid);
          var r98 = rh98.rasterize(near, tileGrid);
          float[] count = new float[r98.counts().length];
          for (int i = 0; i < count.length; i++) {
            count[i] = r98.counts()[i];
          }
          hit += r98.hitPixels();
          writer.write(window, new float[][] {r95.values(), r98.values(), count});
        }
      }
      writer.commit();
    }
    return hit;
  }

  /** The footprints that may touch each tile (centre within a footprint radius plus a pixel of the tile). */
  private static List<List<GediFootprint>> bucket(List<GediFootprint> footprints, GridGeometry grid, int tile,
      int tilesX, int tilesY, FootprintRasterizer.Shape shape) {
    List<List<GediFootprint>> buckets = new ArrayList<>(tilesX * tilesY);
    for (int i = 0; i < tilesX * tilesY; i++) {
      buckets.add(new ArrayList<>());
    }
    double pixel = Math.min(grid.transform().pixelWidth(), -grid.transform().pixelHeight());
    double margin = (shape == FootprintRasterizer.Shape.DISC ? FootprintRasterizer.GEDI_FOOTPRINT_DIAMETER_METRES / 2 : 0)
        / pixel + 1;
    for (GediFootprint f : footprints) {
      double col = grid.transform().col(f.x(), f.y());
      double row = grid.transform().row(f.x(), f.y());
      int tx0 = clamp((int) Math.floor((col - margin) / tile), tilesX);
      int tx1 = clamp((int) Math.floor((col + margin) / tile), tilesX);
      int ty0 = clamp((int) Math.floor((row - margin) / tile), tilesY);
      int ty1 = clamp((int) Math.floor((row + margin) / tile), tilesY);
      for (int ty = ty0; ty <= ty1; ty++) {
        for (int tx = tx0; tx <= tx1; tx++) {
          buckets.get(ty * tilesX + tx).add(f);
        }
      }
    }
    return buckets;
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  static List<String> bandNames() {
    return Arrays.asList(RH95_BAND, RH98_BAND, COUNT_BAND);
  }
}

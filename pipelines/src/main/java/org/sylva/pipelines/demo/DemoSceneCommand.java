package org.sylva.pipelines.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.demo.DemoSceneWriter;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediHeightMetric;
import org.sylva.geo.gedi.GediIngest;
import org.sylva.pipelines.common.ProgressBarListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva demo-scene}: writes the deterministic synthetic Landes scene (Sentinel-2 L2A band COGs with SCL,
 * Sentinel-1 RTC VV/VH COGs, GEDI02_A HDF5 granules, a STAC catalog, and the hidden true canopy height) in
 * the formats real downloads come in, so every later step runs on it exactly as on real data.
 */
@Command(
    name = "demo-scene",
    description = {
      "Write a synthetic Landes-like forest scene (the canopy pipeline's default input) in real data formats.",
      "Files:",
      "  catalog.json (STAC) -> sentinel-2-l2a/<item>/ (B02..B12, B8A, SCL COGs, uint16 DN, nodata 0),",
      "  sentinel-1-rtc/<item>/ (VV, VH linear gamma0 float32 COGs), gedi/*.h5 (GEDI02_A layout),",
      "  truth/canopy_height.tif (the hidden truth, metres) and scene.json.",
      "Same seed and options give byte-identical files. The scene is built in a hidden folder beside --out and",
      "moved into place when complete, so an interrupted run leaves nothing."},
    mixinStandardHelpOptions = true)
public final class DemoSceneCommand implements Callable<Integer> {

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder to create (must not exist or be empty unless --replace).")
  Path out;

  @Option(names = "--size", defaultValue = "2000", paramLabel = "PX",
      description = "Width and height in 10 m pixels, even, >= 64 (default: ${DEFAULT-VALUE}, i.e. 20 x 20 km).")
  int size;

  @Option(names = "--s2-dates", defaultValue = "12", paramLabel = "N",
      description = "Sentinel-2 L2A acquisitions over the year, some cloudy (default: ${DEFAULT-VALUE}).")
  int sentinel2Dates;

  @Option(names = "--s1-dates", defaultValue = "30", paramLabel = "N",
      description = "Sentinel-1 RTC acquisitions over the year (default: ${DEFAULT-VALUE}).")
  int sentinel1Dates;

  @Option(names = "--threads", paramLabel = "N",
      description = "Dates generated and written at once (default: all cores; bounded by the heap).")
  Integer threads;

  @Option(names = "--replace", description = "Replace --out if it exists (the old folder is removed only after the new one is complete).")
  boolean replace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DemoSceneSpec sceneSpec;
    try {
      sceneSpec = DemoSceneSpec.defaults(seed).withSize(size).withDates(sentinel2Dates, sentinel1Dates);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
    long start = System.nanoTime();
    DemoScene scene = DemoScene.generate(sceneSpec);
    DemoSceneWriter writer = new DemoSceneWriter(scene, threads != null ? threads : Runtime.getRuntime().availableProcessors());
    DemoSceneWriter.Summary summary;
    try (ProgressBarListener progress = new ProgressBarListener("demo-scene " + out.getFileName())) {
      summary = writer.write(out, replace, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double coverage = gediCoverage(scene, out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: demo scene (seed %d, %dx%d px of 10 m, EPSG:32630) written in %.1f s with %d threads%n",
        out, seed, size, size, seconds, writer.threads());
    o.printf(Locale.ROOT, "  %d Sentinel-2 L2A items, %d Sentinel-1 RTC items, %d GEDI granules (%d shots), %.1f MB%n",
        summary.sentinel2Items(), summary.sentinel1Items(), summary.gediGranules(), summary.gediShots(),
        summary.bytes() / 1e6);
    o.printf(Locale.ROOT, "  GEDI coverage after the default filters: %.2f %% of pixels under a kept 25 m footprint%n",
        100 * coverage);
    o.printf("  STAC catalog: %s; truth: %s%n", out.resolve(DemoSceneWriter.CATALOG),
        out.resolve(DemoSceneWriter.TRUE_HEIGHT));
    o.flush();
    return 0;
  }

  /** Share of the scene's pixels under a footprint kept by the default filters (25 m discs). */
  static double gediCoverage(DemoScene scene, Path folder) throws IOException {
    List<Path> granules;
    try (var files = Files.list(folder.resolve(DemoSceneWriter.GEDI_FOLDER))) {
      granules = files.sorted().toList();
    }
    List<GediFootprint> kept = new ArrayList<>();
    new GediIngest(scene.grid().crs(), GediFilterOptions.defaults()).ingestAll(granules, kept::add);
    var raster = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98).rasterize(kept, scene.grid());
    return raster.hitPixels() / (double) scene.grid().pixelCount();
  }
}

package org.sylva.pipelines.canopy.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sylva.geo.demo.DemoScene;
import org.sylva.geo.demo.DemoSceneSpec;
import org.sylva.geo.demo.DemoSceneWriter;
import org.sylva.geo.ingest.IngestOptions;
import org.sylva.geo.ingest.IngestRequest;
import org.sylva.geo.ingest.IngestSource;
import org.sylva.geo.ingest.SceneIngest;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.progress.ProgressListener;

/**
 * The embedded demo scene ({@link DemoScene}) as pipeline input. The scene is written as real data would arrive
 * (a STAC catalog of Sentinel-2 L2A and Sentinel-1 RTC COGs, GEDI02_A HDF5 granules, the true canopy height) and
 * ingested by {@link SceneIngest} like any download: Sentinel-2 median and Sentinel-1 mean composites of the
 * scene's year, GEDI footprints filtered with the literature defaults, rasterized RH95/RH98 targets. The result depends only on the scene parameters, so it is computed once into
 * {@code <cacheRoot>/demo-<seed>-<size>[-<s2 dates>x<s1 dates>]} and reused while that folder is complete
 * ({@value #COMPLETE} is written last; a folder is built under a temporary name and renamed into place, so
 * an interrupted build is never mistaken for a complete one).
 */
public record DemoSceneIngestion(long seed, int size, int sentinel2Dates, int sentinel1Dates, String cacheRoot)
    implements SceneIngestion {

  /** Written last: the folder is complete. */
  static final String COMPLETE = "complete.txt";
  static final String SCENE = "scene";
  static final String INGESTED = "ingested";

  /** Validates the scene parameters now, on the client; {@code cacheRoot} must be absolute. */
  public DemoSceneIngestion {
    spec(seed, size, sentinel2Dates, sentinel1Dates);
    if (!Path.of(cacheRoot).isAbsolute()) {
      throw new IllegalArgumentException("demo cache folder must be absolute, got " + cacheRoot);
    }
  }

  public DemoSceneIngestion(long seed, int size, int sentinel2Dates, int sentinel1Dates, Path cacheRoot) {
    this(seed, size, sentinel2Dates, sentinel1Dates, cacheRoot.toAbsolutePath().normalize().toString());
  }

  /** The default scene's dates (12 Sentinel-2, 30 Sentinel-1) at {@code size} pixels. */
  public static DemoSceneIngestion defaultDates(long seed, int size, Path cacheRoot) {
    DemoSceneSpec d = DemoSceneSpec.defaults(seed);
    return new DemoSceneIngestion(seed, size, d.sentinel2Dates(), d.sentinel1Dates(), cacheRoot);
  }

  private static DemoSceneSpec spec(long seed, int size, int s2, int s1) {
    return DemoSceneSpec.defaults(seed).withSize(size).withDates(s2, s1);
  }

  @Override
  public String describe() {
    return String.format("demo scene (seed %d, %d x %d px of 10 m, %d Sentinel-2 and %d Sentinel-1 dates)", seed, size,
        size, sentinel2Dates, sentinel1Dates);
  }

  @Override
  public Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", "demo");
    m.put("demoSeed", seed);
    m.put("demoSizePixels", size);
    m.put("sentinel2Dates", sentinel2Dates);
    m.put("sentinel1Dates", sentinel1Dates);
    m.put("cache", cacheFolder().toString());
    return m;
  }

  /** The cache folder of this scene. */
  public Path cacheFolder() {
    DemoSceneSpec d = DemoSceneSpec.defaults(seed);
    String dates = sentinel2Dates == d.sentinel2Dates() && sentinel1Dates == d.sentinel1Dates() ? ""
        : "-" + sentinel2Dates + "x" + sentinel1Dates;
    return Path.of(cacheRoot, "demo-" + seed + "-" + size + dates);
  }

  @Override
  public IngestedStack ingest(Path workDir, ProgressListener progress) throws IOException {
    Path folder = cacheFolder();
    if (Files.isRegularFile(folder.resolve(COMPLETE))) {
      return read(folder);
    }
    Files.createDirectories(folder.getParent());
    Path building = folder.resolveSibling("." + folder.getFileName() + ".partial-" + UUID.randomUUID());
    try {
      build(building, progress);
      try {
        Files.move(building, folder);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another run finished the same scene first: its files are identical, use them
      }
    } finally {
      AtomicOutput.deleteRecursively(building);
    }
    return read(folder);
  }

  private IngestedStack read(Path folder) throws IOException {
    return IngestedFolder.read(folder.resolve(INGESTED), describe());
  }

  private void build(Path dir, ProgressListener progress) throws IOException {
    DemoSceneSpec spec = spec(seed, size, sentinel2Dates, sentinel1Dates);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    // The scene goes through the same files and readers as real downloads: STAC items with COG assets,
    // GEDI02_A granules, then SceneIngest's composites and targets.
    Path sceneFolder = dir.resolve(SCENE);
    new DemoSceneWriter(DemoScene.generate(spec), threads).write(sceneFolder, false, progress);
    IngestRequest request = IngestRequest.builder(IngestSource.sceneFolder(sceneFolder))
        .dateRange(spec.yearStart(), spec.yearEnd())
        .options(IngestOptions.builder().secondaryStatistics(false).threads(threads).build())
        .build();
    SceneIngest.run(request, dir.resolve(INGESTED), progress);
    Files.writeString(dir.resolve(COMPLETE), spec.toString() + "\n");
  }
}

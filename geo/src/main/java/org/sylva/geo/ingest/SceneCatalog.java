package org.sylva.geo.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.geo.ingest.IngestProblem.Stage;
import org.sylva.geo.raster.RasterFormatException;
import org.sylva.geo.sentinel1.Sentinel1Folder;
import org.sylva.geo.sentinel1.Sentinel1Scene;
import org.sylva.geo.sentinel1.Sentinel1Scenes;
import org.sylva.geo.sentinel2.BoaOffsetRule;
import org.sylva.geo.sentinel2.Sentinel2Folder;
import org.sylva.geo.sentinel2.Sentinel2Scene;
import org.sylva.geo.sentinel2.Sentinel2Scenes;
import org.sylva.geo.stac.StacItem;
import org.sylva.geo.stac.StacReader;

/**
 * The acquisitions and granules a source offers, before any raster is opened: Sentinel-2 and Sentinel-1
 * candidates (id, time, and how to open them) sorted by time then id, and the GEDI granule files sorted by
 * name. STAC items are sorted to a sensor by collection id, platform or sensor-specific properties; unusable
 * items and links become {@link IngestProblem}s. A source that cannot be read at all is fatal.
 */
final class SceneCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(SceneCatalog.class);

  /** An acquisition that has not been opened yet: its id, time and how to open its rasters. */
  record Candidate<T>(String id, Instant time, Loader<T> loader) {
    T open(RasterFiles files) throws IOException {
      return loader.open(files);
    }
  }

  @FunctionalInterface
  interface Loader<T> {
    T open(RasterFiles files) throws IOException;
  }

  final List<Candidate<Sentinel2Scene>> sentinel2 = new ArrayList<>();
  final List<Candidate<Sentinel1Scene>> sentinel1 = new ArrayList<>();
  final List<Path> gediFiles = new ArrayList<>();

  private SceneCatalog() {}

  static SceneCatalog read(IngestRequest request, List<IngestProblem> problems) throws IngestException {
    IngestSource source = request.source();
    IngestOptions options = request.options();
    SceneCatalog catalog = new SceneCatalog();
    BoaOffsetRule offsets = options.boaOffsetDn().map(BoaOffsetRule::override).orElse(BoaOffsetRule.fromMetadata());
    boolean stacForS2 = source.sentinel2Folder().isEmpty();
    boolean stacForS1 = source.sentinel1Folder().isEmpty();
    if (source.stac().isPresent() && (stacForS2 || stacForS1)) {
      for (StacItem item : readStac(source.stac().get(), problems)) {
        switch (sensor(item, problems)) {
          case SENTINEL2 -> {
            if (stacForS2) {
              catalog.sentinel2.add(new Candidate<>(item.id(), item.datetime(),
                  files -> new Sentinel2Scenes(files, offsets).fromItem(item, options.sentinel2Bands())));
            }
          }
          case SENTINEL1 -> {
            if (stacForS1) {
              catalog.sentinel1.add(new Candidate<>(item.id(), item.datetime(),
                  files -> new Sentinel1Scenes(files, options.sentinel1Scale()).fromItem(item)));
            }
          }
          default -> LOG.info("{}: item {} of collection {} is neither Sentinel-1 nor Sentinel-2 L2A; ignored",
              item.file(), item.id(), item.collection().orElse("(none)"));
        }
      }
    }
    if (source.sentinel2Folder().isPresent()) {
      for (Sentinel2Folder.Acquisition a : scan(() -> Sentinel2Folder.scan(source.sentinel2Folder().get()))) {
        catalog.sentinel2.add(new Candidate<>(a.id(), a.time(),
            files -> new Sentinel2Scenes(files, offsets).fromFolder(a, options.sentinel2Bands())));
      }
    }
    if (source.sentinel1Folder().isPresent()) {
      for (Sentinel1Folder.Acquisition a : scan(() -> Sentinel1Folder.scan(source.sentinel1Folder().get()))) {
        catalog.sentinel1.add(new Candidate<>(a.id(), a.time(),
            files -> new Sentinel1Scenes(files, options.sentinel1Scale()).fromFolder(a)));
      }
    }
    Comparator<Candidate<?>> order = Comparator.<Candidate<?>, Instant>comparing(Candidate::time).thenComparing(Candidate::id);
    catalog.sentinel2.sort(order);
    catalog.sentinel1.sort(order);
    if (source.gediFolder().isPresent()) {
      catalog.gediFiles.addAll(scan(() -> gediGranules(source.gediFolder().get())));
    }
    return catalog;
  }

  private enum Sensor { SENTINEL2, SENTINEL1, OTHER }

  private static Sensor sensor(StacItem item, List<IngestProblem> problems) {
    String collection = item.collection().orElse("").toLowerCase(Locale.ROOT);
    String platform = item.properties().path("platform").asText("").toLowerCase(Locale.ROOT);
    if (collection.contains("sentinel-1") || collection.contains("sentinel1") || platform.startsWith("sentinel-1")
        || item.properties().has("sar:polarizations")) {
      return Sensor.SENTINEL1;
    }
    boolean s2 = collection.contains("sentinel-2") || collection.contains("sentinel2") || platform.startsWith("sentinel-2")
        || item.properties().has("s2:processing_baseline") || item.properties().has("s2:mgrs_tile");
    if (s2 && (collection.contains("l1c") || item.properties().path("s2:product_type").asText("").contains("L1C"))) {
      problems.add(new IngestProblem(item.id(), Stage.STAC, item.file() + ": item " + item.id()
          + " is Sentinel-2 Level-1C (top-of-atmosphere); Sylva composites Level-2A surface reflectance"));
      return Sensor.OTHER;
    }
    return s2 ? Sensor.SENTINEL2 : Sensor.OTHER;
  }

  private static List<StacItem> readStac(Path stac, List<IngestProblem> problems) throws IngestException {
    try {
      return StacReader.readAll(stac, e -> problems.add(new IngestProblem(stacItemName(e.getMessage()), Stage.STAC,
          e.getMessage())));
    } catch (IOException e) {
      throw new IngestException(oneLine(e), e);
    }
  }

  /** The file a STAC problem names (its message starts with "file: "). */
  private static String stacItemName(String message) {
    int colon = message.indexOf(": ");
    String file = colon > 0 ? message.substring(0, colon) : message;
    return Path.of(file).getFileName().toString();
  }

  private static List<Path> gediGranules(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new RasterFormatException(folder, "not a folder (expected GEDI02_A *.h5 granules)");
    }
    try (var walk = Files.walk(folder, 6)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  @FunctionalInterface
  private interface Scan<T> {
    List<T> run() throws IOException;
  }

  private static <T> List<T> scan(Scan<T> scan) throws IngestException {
    try {
      return scan.run();
    } catch (IOException e) {
      throw new IngestException(oneLine(e), e);
    }
  }

  /** The first line of an exception's message (or its class name when it has none). */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}

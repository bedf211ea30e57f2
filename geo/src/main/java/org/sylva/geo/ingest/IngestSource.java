package org.sylva.geo.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a scene's data comes from, as users download it:
 * <ul>
 *   <li>{@code stac}: a local STAC catalog, collection, item collection (a saved API search), single item,
 *       or a folder of those; Sentinel-2 L2A and Sentinel-1 RTC items are told apart by collection, platform
 *       or properties; items of other collections are ignored;</li>
 *   <li>or folders: {@code sentinel2Folder} (band GeoTIFFs named by band, dated by file or folder name) and
 *       {@code sentinel1Folder} (VV/VH GeoTIFFs);</li>
 *   <li>{@code gediFolder}: GEDI02_A HDF5 granules ({@code *.h5}, searched recursively);</li>
 *   <li>{@code trueHeight}: an optional reference canopy-height raster (the demo scene's hidden truth).</li>
 * </ul>
 * When both a STAC source and a folder are given for a sensor, the folder wins for that sensor.
 */
public record IngestSource(Optional<Path> stac, Optional<Path> sentinel2Folder, Optional<Path> sentinel1Folder,
    Optional<Path> gediFolder, Optional<Path> trueHeight) {

  public IngestSource {
    if (stac.isEmpty() && sentinel2Folder.isEmpty()) {
      throw new IllegalArgumentException("no Sentinel-2 source: give a STAC catalog or a Sentinel-2 folder");
    }
  }

  /** A STAC catalog (file or folder) for Sentinel-1/2 and a folder of GEDI granules. */
  public static IngestSource stac(Path catalog, Path gediFolder) {
    return new IngestSource(Optional.of(catalog), Optional.empty(), Optional.empty(), Optional.of(gediFolder),
        Optional.empty());
  }

  /** Plain folders of Sentinel-2 band files, Sentinel-1 VV/VH files and GEDI granules. */
  public static IngestSource folders(Path sentinel2, Path sentinel1, Path gedi) {
    return new IngestSource(Optional.empty(), Optional.of(sentinel2), Optional.of(sentinel1), Optional.of(gedi),
        Optional.empty());
  }

  /**
   * A scene folder in the layout of {@code sylva demo-scene}: {@code catalog.json} (else the folder itself as
   * STAC source), {@code gedi/} and, when present, {@code truth/canopy_height.tif}.
   */
  public static IngestSource sceneFolder(Path folder) {
    Path catalog = folder.resolve("catalog.json");
    Path gedi = folder.resolve("gedi");
    Path truth = folder.resolve("truth").resolve("canopy_height.tif");
    return new IngestSource(Optional.of(Files.isRegularFile(catalog) ? catalog : folder), Optional.empty(),
        Optional.empty(), Files.isDirectory(gedi) ? Optional.of(gedi) : Optional.empty(),
        Files.isRegularFile(truth) ? Optional.of(truth) : Optional.empty());
  }

  public IngestSource withTrueHeight(Path raster) {
    return new IngestSource(stac, sentinel2Folder, sentinel1Folder, gediFolder, Optional.of(raster));
  }

  public IngestSource withGediFolder(Path folder) {
    return new IngestSource(stac, sentinel2Folder, sentinel1Folder, Optional.of(folder), trueHeight);
  }

  public IngestSource withSentinel1Folder(Path folder) {
    return new IngestSource(stac, sentinel2Folder, Optional.of(folder), gediFolder, trueHeight);
  }
}

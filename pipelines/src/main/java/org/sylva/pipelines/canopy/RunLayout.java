package org.sylva.pipelines.canopy;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where each output of a canopy run lives inside its run folder. The pipeline writes into a hidden staging
 * folder with this layout, which the client moves into place once the whole run succeeded ({@link RunFolder}).
 *
 * <pre>
 * canopy_height.tif          the map: Cloud-Optimized GeoTIFF, EPSG of the grid, float32 m (or uint16 dm)
 * canopy_height.json         STAC Item of the map
 * report.md                  what was run and how well it did, with the plots below
 * variants.{md,json,parquet,csv}   validation and test metrics of every variant
 * metrics.json               the best variant's test metrics, the map against held-out GEDI and (demo) truth
 * dead_letters.{parquet,csv} input items that were skipped, and why
 * plots/                     PNG: map quick-look, test scatter and error histogram, (demo) error map
 * dataset/                   patches.parquet, footprints.{parquet,csv}, summary.json
 * variants/&lt;name&gt;/           model/ (HeightModel directory), metrics.json, test-scatter.png, test-errors.png
 * ingest.json                the ingested composites, targets and footprints (paths) and their problems
 * run.json                   inputs, options, versions, seed, timings (written last, by the client)
 * </pre>
 */
public record RunLayout(String folder) implements Serializable {

  public static RunLayout at(Path root) {
    return new RunLayout(root.toAbsolutePath().normalize().toString());
  }

  public Path root() {
    return Path.of(folder);
  }

  public Path map() {
    return root().resolve("canopy_height.tif");
  }

  public Path stacItem() {
    return root().resolve("canopy_height.json");
  }

  public Path report() {
    return root().resolve("report.md");
  }

  public Path metrics() {
    return root().resolve("metrics.json");
  }

  public Path plots() {
    return root().resolve("plots");
  }

  public Path dataset() {
    return root().resolve("dataset");
  }

  public Path patchTable() {
    return dataset().resolve("patches.parquet");
  }

  public Path variant(String name) {
    return root().resolve("variants").resolve(name);
  }

  public Path ingestManifest() {
    return root().resolve("ingest.json");
  }

  /** Scratch space of the map stage (strips before assembly); removed when the map is written. */
  public Path mapStrips() {
    return root().resolve(".map-strips");
  }

  /** Start and end of each stage, written by the workers and folded into {@code run.json} by the client. */
  public Path timings() {
    return root().resolve(".timings");
  }
}

package org.sylva.pipelines.canopy.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sylva.geo.gedi.GediFootprintTable;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.models.io.Json;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;
import org.sylva.pipelines.canopy.ingest.IngestedStack;
import org.sylva.pipelines.canopy.ingest.StackBands;

/**
 * Stage 2: cuts the ingested composites into patches, keeps those with GEDI targets, splits them spatially by
 * blocks ({@link SpatialSplit}) and writes {@code dataset/patches.parquet} ({@link PatchTable}),
 * {@code dataset/footprints.{parquet,csv}} ({@link FootprintSplitTable}) and {@code dataset/summary.json}.
 * Patches are read and written one at a time, so memory does not grow with the scene. Emits one
 * {@link PatchDataset} on {@link #DATASET}; a scene too small or too sparse to split is fatal, a patch whose
 * inputs are entirely missing is a dead letter on {@link DeadLetter#TAG}.
 */
public final class BuildPatchDataset extends PTransform<PCollection<IngestedStack>, PCollectionTuple> {

  public static final TupleTag<PatchDataset> DATASET = new TupleTag<>("dataset") {};

  private final DatasetSettings settings;
  private final RunLayout layout;

  public BuildPatchDataset(DatasetSettings settings, RunLayout layout) {
    this.settings = settings;
    this.layout = layout;
  }

  @Override
  public PCollectionTuple expand(PCollection<IngestedStack> stacks) {
    PCollectionTuple out = stacks.apply("CutAndSplitPatches", ParDo.of(new BuildFn(settings, layout))
        .withOutputTags(DATASET, TupleTagList.of(DeadLetter.TAG)));
    out.get(DATASET).setCoder(SerializableCoder.of(PatchDataset.class));
    out.get(DeadLetter.TAG).setCoder(SerializableCoder.of(DeadLetter.class));
    return out;
  }

  static final class BuildFn extends DoFn<IngestedStack, PatchDataset> {
    private final DatasetSettings settings;
    private final RunLayout layout;

    BuildFn(DatasetSettings settings, RunLayout layout) {
      this.settings = settings;
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element IngestedStack stack, MultiOutputReceiver out) throws IOException {
      StageTimer timer = StageTimer.start(layout, "dataset", "", "cutting " + settings.patchSize() + " px patches");
      List<DeadLetter> problems = new ArrayList<>();
      PatchDataset dataset = build(stack, settings, layout, problems);
      problems.forEach(p -> out.get(DeadLetter.TAG).output(p));
      out.get(DATASET).output(dataset);
      timer.done(String.format(Locale.ROOT, "%d train, %d validation, %d test patches",
          dataset.counts(Split.TRAIN).patches(), dataset.counts(Split.VALIDATION).patches(),
          dataset.counts(Split.TEST).patches()));
    }
  }

  /** The whole stage outside Beam: reads {@code stack}, writes the dataset files, returns their description. */
  public static PatchDataset build(IngestedStack stack, DatasetSettings settings, RunLayout layout, List<DeadLetter> problems)
      throws IOException {
    try (FeatureStack features = FeatureStack.open(stack, List.of());
        GeoTiffReader targets = GeoTiff.open(stack.targetsPath())) {
      GridGeometry grid = features.grid();
      if (!targets.grid().equals(grid)) {
        throw new IOException(stack.targets() + ": grid " + targets.grid() + " differs from the composites' " + grid);
      }
      int targetBand = targets.bandNames().indexOf(settings.targetMetric());
      if (targetBand < 0) {
        throw new IOException(stack.targets() + ": no band " + settings.targetMetric() + " (has " + targets.bandNames() + ")");
      }
      PatchLayout patches = new PatchLayout(grid.width(), grid.height(), settings.patchSize(), settings.blockPatches());
      // The bands the variants can name; other composite bands (a second statistic, counts) stay in the COGs.
      List<String> bands = features.compositeBands().stream().filter(StackBands::isFeature).toList();

      // Which patches hold enough targets, and so which blocks take part in the split.
      Map<Long, PatchLayout.Position> candidates = new LinkedHashMap<>();
      for (PatchLayout.Position p : patches.positions()) {
        if (finiteCount(targets.read(p.window(), targetBand)) >= settings.minTargetPixels()) {
          candidates.put(key(p.patchRow(), p.patchCol()), p);
        }
      }
      TreeSet<SpatialSplit.Block> blocks = new TreeSet<>();
      candidates.values().forEach(p -> blocks.add(new SpatialSplit.Block(p.blockRow(), p.blockCol())));
      if (blocks.size() < 3) {
        throw new IOException(String.format(Locale.ROOT, "%s: only %d block(s) of %dx%d patches of %d px hold at least %d"
            + " GEDI target pixels; a train/validation/test split needs 3 (use a smaller --patchSize or --blockPatches)",
            stack.targets(), blocks.size(), settings.blockPatches(), settings.blockPatches(), settings.patchSize(),
            settings.minTargetPixels()));
      }
      Map<SpatialSplit.Block, Split> blockSplit = settings.split().assign(new ArrayList<>(blocks));
      Map<Long, Split> patchSplit = new HashMap<>();
      candidates.forEach((k, p) -> patchSplit.put(k, blockSplit.get(new SpatialSplit.Block(p.blockRow(), p.blockCol()))));

      Map<String, int[]> counts = new LinkedHashMap<>();
      Map<String, long[]> pixels = new LinkedHashMap<>();
      Map<String, TreeSet<SpatialSplit.Block>> splitBlocks = new LinkedHashMap<>();
      Map<Long, String[]> kept = new HashMap<>();
      Iterator<PatchLayout.Position> positions = candidates.values().iterator();
      Iterable<PatchRecord> records = () -> new Iterator<>() {
        private PatchRecord next = advance();

        private PatchRecord advance() {
          while (positions.hasNext()) {
            PatchLayout.Position p = positions.next();
            try {
              PatchRecord record = read(p);
              if (record != null) {
                return record;
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return null;
        }

        private PatchRecord read(PatchLayout.Position p) throws IOException {
          Split split = patchSplit.get(key(p.patchRow(), p.patchCol()));
          float[] target = targets.read(p.window(), targetBand);
          settings.split().applyBuffer(target, patches, p, (r, c) -> patchSplit.get(key(r, c)));
          int targetPixels = finiteCount(target);
          if (targetPixels < settings.minTargetPixels()) {
            return null; // the buffer took too much: too few targets left
          }
          float[][] values = features.read(p.window(), bands);
          Map<String, float[]> byName = new LinkedHashMap<>();
          boolean anyInput = false;
          for (int b = 0; b < bands.size(); b++) {
            byName.put(bands.get(b), values[b]);
            anyInput |= finiteCount(values[b]) > 0;
          }
          String id = PatchRecord.idOf(p.window().row(), p.window().col());
          if (!anyInput) {
            problems.add(new DeadLetter("dataset", id, "no valid composite value in any band; patch left out"));
            return null;
          }
          counts.computeIfAbsent(split.label(), s -> new int[1])[0]++;
          pixels.computeIfAbsent(split.label(), s -> new long[1])[0] += targetPixels;
          splitBlocks.computeIfAbsent(split.label(), s -> new TreeSet<>()).add(new SpatialSplit.Block(p.blockRow(), p.blockCol()));
          kept.put(key(p.patchRow(), p.patchCol()), new String[] {id, split.label()});
          return new PatchRecord(id, p.window().row(), p.window().col(), p.blockRow(), p.blockCol(), split,
              settings.patchSize(), byName, target);
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public PatchRecord next() {
          PatchRecord current = next;
          next = advance();
          return current;
        }
      };
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put(PatchTable.META_TARGET, settings.targetMetric());
      metadata.put(PatchTable.META_CRS, grid.crsLabel());
      metadata.put(PatchTable.META_GEOTRANSFORM, Arrays.toString(grid.transform().toGdalArray()));
      metadata.put(PatchTable.META_PATCH_SIZE, Integer.toString(settings.patchSize()));
      try {
        PatchTable.write(layout.patchTable(), bands, metadata, records);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }

      var footprints = FootprintSplitTable.rows(GediFootprintTable.read(stack.footprintsPath()), grid, pixel -> {
        int r = pixel[0] / settings.patchSize();
        int c = pixel[1] / settings.patchSize();
        return r < patches.patchRows() && c < patches.patchColumns() ? kept.get(key(r, c)) : null;
      });
      FootprintSplitTable.write(layout.dataset(), "footprints", footprints);

      Map<String, PatchDataset.SplitCounts> splits = new LinkedHashMap<>();
      for (Split s : Split.values()) {
        int n = counts.getOrDefault(s.label(), new int[1])[0];
        splits.put(s.label(), new PatchDataset.SplitCounts(n, splitBlocks.getOrDefault(s.label(), new TreeSet<>()).size(),
            pixels.getOrDefault(s.label(), new long[1])[0]));
      }
      for (Split s : Split.values()) {
        if (splits.get(s.label()).patches() == 0) {
          throw new IOException("the " + s.label() + " split has no patch with at least " + settings.minTargetPixels()
              + " target pixels after the " + settings.split().bufferPixels() + " px buffer; use a smaller --bufferPixels or"
              + " --minTargetPixels, or another --seed");
        }
      }
      PatchDataset dataset = new PatchDataset(layout.patchTable().toString(), layout.dataset().resolve("footprints.parquet").toString(),
          bands, settings.targetMetric(), settings.patchSize(), splits, stack);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("patchSize", settings.patchSize());
      summary.put("blockPatches", settings.blockPatches());
      summary.put("bufferPixels", settings.split().bufferPixels());
      summary.put("minTargetPixels", settings.minTargetPixels());
      summary.put("target", settings.targetMetric());
      summary.put("bands", bands);
      summary.put("splits", splits);
      summary.put("footprints", footprints.size());
      Json.write(layout.dataset().resolve("summary.json"), summary);
      return dataset;
    }
  }

  private static long key(int patchRow, int patchCol) {
    return ((long) patchRow << 32) | (patchCol & 0xFFFFFFFFL);
  }

  private static int finiteCount(float[] values) {
    int n = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        n++;
      }
    }
    return n;
  }
}

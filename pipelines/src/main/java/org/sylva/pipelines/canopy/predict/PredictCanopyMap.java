package org.sylva.pipelines.canopy.predict;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sylva.geo.geotiff.BandMetadata;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.geotiff.GeoTiffWriter;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.models.io.AtomicFiles;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.plot.Colormap;
import org.sylva.models.train.Seeds;
import org.sylva.models.unet.HeightModel;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;
import org.sylva.pipelines.canopy.dataset.FeatureStack;
import org.sylva.pipelines.canopy.dataset.SpectralIndex;
import org.sylva.pipelines.canopy.ingest.IngestedStack;
import org.sylva.pipelines.canopy.train.TrainedVariant;

/**
 * Stage 4b: predicts the whole area with the selected variant and writes the map. The map is cut into
 * {@link MapStrip}s (a fixed plan), {@link Reshuffle}d over the workers, each strip predicted by tiled
 * inference over the composites ({@link StackTileSource}, {@link org.sylva.models.infer.TiledPredictor}) and
 * spooled to a raw file; one worker then assembles the strips in order into the Cloud-Optimized GeoTIFF
 * (float32 m or uint16 dm, nodata, overviews, band description and unit), writes its STAC item
 * ({@link StacItem}) and quick-look, and removes the strips. Re-running a strip (a restarted Flink job)
 * rewrites the same bytes.
 */
public final class PredictCanopyMap extends PTransform<PCollection<Selection>, PCollection<CanopyMap>> {

  public static final String MAP_FILE = "canopy_height.tif";

  /** COG tile size of the map: 2.56 km tiles, and overviews from 512 px maps up. */
  static final int MAP_TILE_PIXELS = 256;

  private final MapSettings settings;
  private final List<SpectralIndex> indices;
  private final RunLayout layout;

  public PredictCanopyMap(MapSettings settings, List<SpectralIndex> indices, RunLayout layout) {
    this.settings = settings;
    this.indices = List.copyOf(indices);
    this.layout = layout;
  }

  @Override
  public PCollection<CanopyMap> expand(PCollection<Selection> selection) {
    PCollectionView<Selection> selected = selection.apply("SelectionView", View.asSingleton());
    return selection
        .apply("PlanStrips", ParDo.of(new PlanFn(settings, layout)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(MapStrip.class)))
        .apply("SpreadOverWorkers", Reshuffle.of())
        .apply("DropKeys", Values.create())
        .apply("PredictStrip", ParDo.of(new PredictStripFn(settings, indices, layout, selected)).withSideInputs(selected))
        .setCoder(SerializableCoder.of(StripPrediction.class))
        .apply("AllStrips", WithKeys.<Integer, StripPrediction>of(0).withKeyType(TypeDescriptors.integers()))
        .apply("GatherStrips", GroupByKey.create())
        .apply("AssembleCog", ParDo.of(new AssembleFn(settings, layout, selected)).withSideInputs(selected))
        .setCoder(SerializableCoder.of(CanopyMap.class));
  }

  static final class PlanFn extends DoFn<Selection, KV<Integer, MapStrip>> {
    private final MapSettings settings;
    private final RunLayout layout;

    PlanFn(MapSettings settings, RunLayout layout) {
      this.settings = settings;
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element Selection selection, OutputReceiver<KV<Integer, MapStrip>> out) throws IOException {
      GridGeometry grid = gridOf(selection.best().dataset().stack());
      List<MapStrip> strips = MapStrip.plan(grid.height(), settings.stripRows(), settings.contextRows());
      System.err.printf(Locale.ROOT, "canopy: map: %d x %d px with %s in %d strips%n", grid.width(), grid.height(),
          selection.best().name(), strips.size());
      for (MapStrip strip : strips) {
        out.output(KV.of(strip.index(), strip));
      }
    }
  }

  static GridGeometry gridOf(IngestedStack stack) throws IOException {
    try (GeoTiffReader reader = GeoTiff.open(stack.sentinel2Path())) {
      return reader.grid();
    }
  }

  /** Predicts one strip; keeps the model and the open composites between strips of the same worker. */
  static final class PredictStripFn extends DoFn<MapStrip, StripPrediction> {
    private final MapSettings settings;
    private final List<SpectralIndex> indices;
    private final RunLayout layout;
    private final PCollectionView<Selection> selected;
    private transient HeightModel model;
    private transient FeatureStack stack;

    PredictStripFn(MapSettings settings, List<SpectralIndex> indices, RunLayout layout, PCollectionView<Selection> selected) {
      this.settings = settings;
      this.indices = indices;
      this.layout = layout;
      this.selected = selected;
    }

    @Setup
    public void setup() {
      TorchThreads.set(settings.torchThreads());
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      MapStrip strip = context.element();
      TorchThreads.set(settings.torchThreads()); // per thread: Beam may call this DoFn from several workers
      TrainedVariant best = context.sideInput(selected).best();
      open(best);
      StageTimer timer = StageTimer.start(layout, "map", String.format(Locale.ROOT, "strip%03d", strip.index()),
          "rows " + strip.row() + "-" + (strip.row() + strip.rows() - 1));
      int width = stack.grid().width();
      int bands = settings.uncertaintyPasses() > 0 ? 2 : 1;
      float[][] kept = new float[bands][strip.rows() * width];
      StackTileSource source = new StackTileSource(stack, best.bands(), new PixelWindow(0, strip.regionRow(), width,
          strip.regionRows()));
      org.sylva.models.infer.TileSink sink = (x, y, w, h, values) -> {
        for (int r = 0; r < h; r++) {
          int row = y + r - strip.offsetInRegion();
          if (row >= 0 && row < strip.rows()) {
            for (int b = 0; b < bands; b++) {
              System.arraycopy(values[b], r * w, kept[b], row * width + x, w);
            }
          }
        }
      };
      var predictor = settings.predictor("map strip " + strip.index());
      if (settings.uncertaintyPasses() > 0) {
        // Dropout masks come from PyTorch's one generator: seed and draw without other workers in between.
        synchronized (Seeds.ENGINE_GENERATOR) {
          model.predictTiled(source, predictor, sink, settings.uncertaintyPasses(), settings.seed() + strip.index());
        }
      } else {
        model.predictTiled(source, predictor, sink, 0, 0);
      }
      Path file = layout.mapStrips().resolve(String.format(Locale.ROOT, "strip-%04d.f32", strip.index()));
      ByteBuffer bytes = ByteBuffer.allocate(bands * kept[0].length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] band : kept) {
        bytes.asFloatBuffer().put(band);
        bytes.position(bytes.position() + band.length * Float.BYTES);
      }
      AtomicFiles.writeStream(file, out -> out.write(bytes.array()));
      timer.done("predicted");
      context.output(new StripPrediction(strip, file.toString(), width, bands));
    }

    private void open(TrainedVariant best) throws IOException {
      if (model == null) {
        model = HeightModel.load(best.modelPath());
      }
      if (stack == null) {
        stack = FeatureStack.open(best.dataset().stack(), indices);
      }
    }

    @Teardown
    public void teardown() throws IOException {
      if (model != null) {
        model.close();
        model = null;
      }
      if (stack != null) {
        stack.close();
        stack = null;
      }
    }
  }

  /** Writes the strips, in order, as the map COG; then its STAC item and quick-look. */
  static final class AssembleFn extends DoFn<KV<Integer, Iterable<StripPrediction>>, CanopyMap> {
    private final MapSettings settings;
    private final RunLayout layout;
    private final PCollectionView<Selection> selected;

    AssembleFn(MapSettings settings, RunLayout layout, PCollectionView<Selection> selected) {
      this.settings = settings;
      this.layout = layout;
      this.selected = selected;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      Selection selection = context.sideInput(selected);
      List<StripPrediction> strips = new ArrayList<>();
      context.element().getValue().forEach(strips::add);
      strips.sort(Comparator.comparingInt(s -> s.strip().index()));
      StageTimer timer = StageTimer.start(layout, "map", "assemble", "writing the Cloud-Optimized GeoTIFF");
      IngestedStack stack = selection.best().dataset().stack();
      GridGeometry grid = gridOf(stack);
      boolean uncertainty = settings.uncertaintyPasses() > 0;
      write(layout.map(), grid, strips, selection.best(), stack, uncertainty);
      Path quicklook = layout.plots().resolve("canopy_height.png");
      MapQuicklook.write(layout.map(), 0, settings.format(), quicklook, "Canopy height, " + selection.best().name(),
          "canopy height (m)", Colormap.VIRIDIS, Double.NaN, Double.NaN);
      if (uncertainty) {
        MapQuicklook.write(layout.map(), 1, settings.format(), layout.plots().resolve("canopy_height_sd.png"),
            "MC-dropout standard deviation, " + selection.best().name(), "standard deviation (m)", Colormap.MAGMA, 0,
            Double.NaN);
      }
      StacItem.write(layout.stacItem(), grid, new StacItem.Description(settings.itemId(),
          "Canopy height, " + grid.width() / 100.0 + " x " + grid.height() / 100.0 + " km",
          "Canopy height (GEDI " + selection.best().dataset().targetMetric().toUpperCase(Locale.ROOT) + ") predicted by a"
              + " U-Net from " + selection.best().variant().description() + " composites; " + stack.description(),
          stack.periodStart(), stack.periodEnd(), settings.format(), uncertainty, selection.best().name(),
          selection.best().dataset().targetMetric(), MAP_FILE, "plots/canopy_height.png", "report.md", "metrics.json"));
      for (StripPrediction s : strips) {
        Files.deleteIfExists(s.path());
      }
      Files.deleteIfExists(layout.mapStrips());
      timer.done(layout.map().toString());
      context.output(new CanopyMap(layout.map().toString(), layout.stacItem().toString(), quicklook.toString(),
          settings.format(), uncertainty, selection));
    }

    private void write(Path target, GridGeometry grid, List<StripPrediction> strips, TrainedVariant best,
        IngestedStack stack, boolean uncertainty) throws IOException {
      MapFormat format = settings.format();
      int bands = uncertainty ? 2 : 1;
      GeoTiffProfile.Builder profile = GeoTiffProfile.builder(format.dataType(), bands)
          .nodata(format.nodata())
          .metadata("TARGET", "GEDI L2A " + best.dataset().targetMetric().toUpperCase(Locale.ROOT))
          .metadata("MODEL_VARIANT", best.name())
          .metadata("MODEL_BANDS", String.join(",", best.bands()))
          .metadata("PERIOD", stack.periodStart() + "/" + stack.periodEnd())
          .metadata("UNITS", "metres")
          .tileSize(MAP_TILE_PIXELS)
          .threads(2);
      profile.band(0, band("canopy_height", "canopy height above ground", format));
      if (uncertainty) {
        profile.band(1, band("canopy_height_sd", "MC-dropout standard deviation of the canopy height", format));
      }
      int row = 0;
      try (GeoTiffWriter writer = GeoTiff.create(target, grid, profile.build())) {
        for (StripPrediction s : strips) {
          if (s.strip().row() != row || s.bands() != bands || s.width() != grid.width()) {
            throw new IOException(s.file() + ": strip " + s.strip() + " does not continue the map at row " + row);
          }
          float[][] values = readStrip(s);
          PixelWindow window = new PixelWindow(0, s.strip().row(), grid.width(), s.strip().rows());
          for (int b = 0; b < bands; b++) {
            float[] stored = values[b];
            for (int i = 0; i < stored.length; i++) {
              stored[i] = format.encode(stored[i]);
            }
            writer.write(window, b, stored);
          }
          row += s.strip().rows();
        }
        if (row != grid.height()) {
          throw new IOException("map strips cover rows 0-" + (row - 1) + " of " + grid.height());
        }
        writer.commit();
      }
    }

    private static BandMetadata band(String name, String description, MapFormat format) {
      BandMetadata band = BandMetadata.named(name).withUnit("m").withItem("LONG_NAME", description);
      return format.scale() == 1 ? band : band.withScaleOffset(format.scale(), 0);
    }

    private static float[][] readStrip(StripPrediction s) throws IOException {
      int pixels = s.strip().rows() * s.width();
      float[][] out = new float[s.bands()][pixels];
      byte[] bytes = Files.readAllBytes(s.path());
      if (bytes.length != s.bands() * pixels * Float.BYTES) {
        throw new IOException(s.file() + ": " + bytes.length + " bytes, expected " + s.bands() * pixels * Float.BYTES);
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] band : out) {
        buffer.asFloatBuffer().get(band);
        buffer.position(buffer.position() + pixels * Float.BYTES);
      }
      return out;
    }
  }
}

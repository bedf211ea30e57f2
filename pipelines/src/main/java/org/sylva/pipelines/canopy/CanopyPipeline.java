package org.sylva.pipelines.canopy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.sylva.pipelines.canopy.dataset.BuildPatchDataset;
import org.sylva.pipelines.canopy.dataset.DatasetSettings;
import org.sylva.pipelines.canopy.dataset.PatchLayout;
import org.sylva.pipelines.canopy.dataset.SpatialSplit;
import org.sylva.pipelines.canopy.ingest.DemoSceneIngestion;
import org.sylva.pipelines.canopy.ingest.IngestedFolder;
import org.sylva.pipelines.canopy.ingest.IngestScene;
import org.sylva.pipelines.canopy.ingest.SceneIngestion;
import org.sylva.pipelines.canopy.predict.CanopyMap;
import org.sylva.pipelines.canopy.predict.MapFormat;
import org.sylva.pipelines.canopy.predict.MapSettings;
import org.sylva.pipelines.canopy.predict.PredictCanopyMap;
import org.sylva.pipelines.canopy.predict.SelectBestVariant;
import org.sylva.pipelines.canopy.report.WriteCanopyReport;
import org.sylva.pipelines.canopy.train.ModelSettings;
import org.sylva.pipelines.canopy.train.TrainVariants;
import org.sylva.pipelines.canopy.train.VariantCatalog;

/**
 * The canopy-height study as one Beam pipeline:
 *
 * <pre>{@code
 * IngestScene → BuildPatchDataset → TrainVariants → SelectBestVariant → PredictCanopyMap → WriteCanopyReport
 * }</pre>
 *
 * Stages hand each other small descriptions of files in the run's staging folder (composites, the patch
 * table, model directories, map strips), never the rasters themselves, so the same pipeline runs on the
 * DirectRunner and on a Flink cluster whose workers share that folder. Every stage reports skipped items as
 * {@link DeadLetter}s, gathered for the report. Settings are built and validated here, on the client, so bad
 * options fail before anything runs.
 */
public final class CanopyPipeline {

  /** Everything the pipeline needs, validated. */
  public record Plan(SceneIngestion ingestion, DatasetSettings dataset, VariantCatalog variants, ModelSettings model,
      MapSettings map, RunLayout layout, Map<String, String> description) {}

  private CanopyPipeline() {}

  public static Plan plan(CanopyOptions o, RunLayout layout) throws IOException {
    String runName = runName(o);
    SceneIngestion ingestion = o.getIngested().isEmpty()
        ? new DemoSceneIngestion(o.getSeed(), o.getDemoSize(), o.getDemoSentinel2Dates(), o.getDemoSentinel1Dates(),
            cacheRoot(o))
        : IngestedFolder.of(Path.of(o.getIngested()));
    double[] fractions = fractions(o.getSplitFractions());
    DatasetSettings dataset = new DatasetSettings(o.getPatchSize(), o.getBlockPatches(),
        new SpatialSplit(fractions[0], fractions[1], fractions[2], o.getBufferPixels(), o.getSeed()), o.getMinTargetPixels(),
        o.getTargetMetric().toLowerCase(Locale.ROOT));
    if (o.getIngested().isEmpty()) {
      new PatchLayout(o.getDemoSize(), o.getDemoSize(), o.getPatchSize(), o.getBlockPatches()); // patches fit the scene
    }
    VariantCatalog variants = o.getVariants().isEmpty() ? VariantCatalog.defaults() : VariantCatalog.load(Path.of(o.getVariants()));
    ModelSettings model = new ModelSettings(o.getUnetDepth(), o.getUnetWidth(), o.getDropout(), o.getEpochs(),
        o.getBatchSize(), o.getLearningRate(), o.getWeightDecay(), o.getPatience(), o.getAugment(), o.getLoss(),
        o.getTorchThreads(), o.getSeed());
    if (o.getUncertaintyPasses() > 0 && o.getDropout() <= 0) {
      throw new IllegalArgumentException("--uncertaintyPasses=" + o.getUncertaintyPasses() + " needs a model with dropout:"
          + " add --dropout=0.1 (or another rate > 0)");
    }
    MapSettings map = new MapSettings(MapFormat.parse(o.getMapFormat()), o.getUncertaintyPasses(), o.getTileSize(),
        o.getTileOverlap(), o.getStripRows(), 2 * o.getTileOverlap(), o.getTorchThreads(), o.getSeed(),
        runName + "-canopy-height");
    if (o.getTileSize() % (1 << o.getUnetDepth()) != 0 || (o.getTileSize() - o.getTileOverlap()) % (1 << o.getUnetDepth()) != 0) {
      throw new IllegalArgumentException("--tileSize=" + o.getTileSize() + " and tile size - --tileOverlap must be multiples of "
          + (1 << o.getUnetDepth()) + " (2^--unetDepth)");
    }
    Map<String, String> description = new LinkedHashMap<>();
    description.put("input", ingestion.describe());
    description.put("seed", Long.toString(o.getSeed()));
    description.put("patches", String.format(Locale.ROOT, "%d px, blocks of %dx%d patches, split %s, buffer %d px",
        o.getPatchSize(), o.getBlockPatches(), o.getBlockPatches(), o.getSplitFractions(), o.getBufferPixels()));
    description.put("U-Net", String.format(Locale.ROOT, "depth %d, width %d, dropout %s", o.getUnetDepth(), o.getUnetWidth(),
        o.getDropout()));
    description.put("training", String.format(Locale.ROOT, "up to %d epochs (patience %d), batch %d, AdamW lr %s, %s loss,"
        + " augmentation %s", o.getEpochs(), o.getPatience(), o.getBatchSize(), o.getLearningRate(), o.getLoss(),
        o.getAugment() ? "on" : "off"));
    description.put("variants", o.getVariants().isEmpty() ? "built-in (" + variants.variants().size() + ")" : o.getVariants());
    return new Plan(ingestion, dataset, variants, model, map, layout, description);
  }

  public static Pipeline create(CanopyOptions options, Plan plan) {
    Pipeline p = Pipeline.create(options);
    RunLayout layout = plan.layout();
    PCollectionTuple ingested = p.apply("Ingest", new IngestScene(plan.ingestion(), layout));
    PCollectionTuple dataset = ingested.get(IngestScene.STACK)
        .apply("BuildDataset", new BuildPatchDataset(plan.dataset(), layout));
    PCollectionTuple trained = dataset.get(BuildPatchDataset.DATASET)
        .apply("TrainVariants", new TrainVariants(plan.variants(), plan.model(), layout));
    PCollection<CanopyMap> map = trained
        .apply("SelectBestVariant", new SelectBestVariant())
        .apply("PredictMap", new PredictCanopyMap(plan.map(), plan.variants().indices(), layout));
    PCollection<DeadLetter> deadLetters = PCollectionList
        .of(ingested.get(DeadLetter.TAG)).and(dataset.get(DeadLetter.TAG)).and(trained.get(DeadLetter.TAG))
        .apply("AllDeadLetters", Flatten.pCollections());
    map.apply("Report", new WriteCanopyReport(deadLetters, layout, plan.description()));
    return p;
  }

  public static String runName(CanopyOptions o) {
    return o.getRunName().isEmpty() ? "canopy" : o.getRunName();
  }

  /** The demo cache: --cacheDir, else .sylva-cache in the Sylva folder, else ~/.cache/sylva. Absolute. */
  static Path cacheRoot(CanopyOptions o) {
    if (!o.getCacheDir().isEmpty()) {
      return Path.of(o.getCacheDir()).toAbsolutePath().normalize();
    }
    String home = System.getProperty("sylva.home");
    if (home != null) {
      return Path.of(home, ".sylva-cache").toAbsolutePath().normalize();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sylva");
  }

  static double[] fractions(String value) {
    String[] parts = value.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("--splitFractions needs three comma-separated shares (train,validation,test), got '"
          + value + "'");
    }
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--splitFractions: '" + parts[i] + "' is not a number");
      }
    }
    return out;
  }
}

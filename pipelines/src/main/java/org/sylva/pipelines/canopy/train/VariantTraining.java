package org.sylva.pipelines.canopy.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sylva.models.io.Json;
import org.sylva.models.metrics.HeightAccuracy;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.Seeds;
import org.sylva.models.unet.HeightModel;
import org.sylva.models.unet.HeightModelManifest;
import org.sylva.models.unet.HeightTrainer;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.dataset.PatchDataset;
import org.sylva.pipelines.canopy.dataset.PatchRecord;
import org.sylva.pipelines.canopy.dataset.PatchTable;
import org.sylva.pipelines.canopy.dataset.SpectralIndex;
import org.sylva.pipelines.canopy.dataset.Split;

/**
 * Trains one variant from the patch table and evaluates it on the held-out test patches: reads only the
 * columns the variant needs, computes its indices, trains a {@link HeightModel} (validation patches choose
 * the epoch), saves it to {@code variants/<name>/model} and writes {@code variants/<name>/metrics.json} with
 * the validation and test {@link HeightAccuracy} plus the test scatter and error histogram.
 *
 * <p>Several variants may train at once in one JVM. Their results stay bit-identical to a one-at-a-time run:
 * PyTorch's intra-op threads are fixed ({@link TorchThreads}), initial weights are drawn under
 * {@link Seeds#ENGINE_GENERATOR}, and a network with dropout (whose masks come from PyTorch's one generator all
 * through training) trains holding that lock, i.e. alone.
 */
public final class VariantTraining {

  public static final String METRICS_FILE = "metrics.json";

  private final ModelSettings settings;
  private final List<SpectralIndex> indices;
  private final RunLayout layout;

  public VariantTraining(ModelSettings settings, List<SpectralIndex> indices, RunLayout layout) {
    this.settings = settings;
    this.indices = List.copyOf(indices);
    this.layout = layout;
  }

  /** The variant's bands that neither the patch table nor an index of its columns provides (empty: trainable). */
  public List<String> missingBands(Variant variant, List<String> tableBands) {
    List<String> missing = new ArrayList<>();
    for (String band : variant.bands()) {
      if (tableBands.contains(band)) {
        continue;
      }
      Optional<SpectralIndex> index = index(band);
      if (index.isEmpty() || !tableBands.contains(index.get().a()) || !tableBands.contains(index.get().b())) {
        missing.add(band);
      }
    }
    return missing;
  }

  public TrainedVariant train(Variant variant, PatchDataset dataset) throws IOException {
    TorchThreads.set(settings.torchThreads());
    Path table = dataset.patchTablePath();
    List<String> columns = columns(variant);
    List<Patch> train = patches(table, columns, variant, Split.TRAIN);
    List<Patch> validation = patches(table, columns, variant, Split.VALIDATION);
    HeightTrainer trainer = HeightTrainer.builder()
        .bands(variant.bands())
        .architecture(settings.architecture())
        .loss(settings.maskedLoss())
        .options(settings.trainingOptions())
        .progressLabel("train " + variant.name())
        .build();
    Path dir = layout.variant(variant.name());
    HeightModel model;
    if (settings.dropout() > 0) {
      synchronized (Seeds.ENGINE_GENERATOR) {
        model = trainer.train(train, validation);
      }
    } else {
      model = trainer.train(train, validation);
    }
    try (model) {
      model.save(dir.resolve("model"));
      train = null;
      validation = null;
      HeightEvaluation test = model.evaluate(patches(table, columns, variant, Split.TEST), settings.batchSize());
      test.writePlots(dir, "test", variant.name() + " on test patches");
      HeightModelManifest manifest = model.manifest();
      HeightModelManifest.Training training = manifest.training();
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("variant", variant.name());
      metrics.put("description", variant.description());
      metrics.put("bands", variant.bands());
      metrics.put("target", dataset.targetMetric());
      metrics.put("validation", manifest.validation());
      metrics.put("test", test.accuracy());
      metrics.put("bestEpoch", training.bestEpoch());
      metrics.put("epochsRun", training.history().size());
      metrics.put("stoppedEarly", training.stoppedEarly());
      metrics.put("trainPatches", training.trainPatches());
      metrics.put("validationPatches", training.validationPatches());
      metrics.put("trainTargetPixels", training.trainTargets());
      metrics.put("dataSha256", training.dataSha256());
      Path metricsFile = dir.resolve(METRICS_FILE);
      Json.write(metricsFile, metrics);
      return new TrainedVariant(variant, dir.resolve("model").toString(), metricsFile.toString(),
          manifest.validation().overall().mae(), test.accuracy().overall().mae(), training.bestEpoch(),
          training.history().size(), dataset);
    }
  }

  /** Table columns to read: the variant's composite bands and the inputs of its indices. */
  private List<String> columns(Variant variant) {
    Set<String> columns = new LinkedHashSet<>();
    for (String band : variant.bands()) {
      Optional<SpectralIndex> index = index(band);
      if (index.isPresent()) {
        columns.add(index.get().a());
        columns.add(index.get().b());
      } else {
        columns.add(band);
      }
    }
    return List.copyOf(columns);
  }

  private List<Patch> patches(Path table, List<String> columns, Variant variant, Split split) throws IOException {
    List<Patch> out = new ArrayList<>();
    for (PatchRecord record : PatchTable.read(table, columns, s -> s == split)) {
      out.add(toPatch(record, variant));
    }
    return out;
  }

  /** The variant's inputs of one patch, band-sequential in the variant's order, with its target. */
  private Patch toPatch(PatchRecord record, Variant variant) {
    int pixels = record.size() * record.size();
    float[] input = new float[variant.bands().size() * pixels];
    for (int b = 0; b < variant.bands().size(); b++) {
      String band = variant.bands().get(b);
      Optional<SpectralIndex> index = index(band);
      float[] values = index.isPresent()
          ? index.get().compute(record.bands().get(index.get().a()), record.bands().get(index.get().b()))
          : record.bands().get(band);
      System.arraycopy(values, 0, input, b * pixels, pixels);
    }
    return Patch.ofTarget(variant.bands().size(), record.size(), record.size(), input, record.target());
  }

  private Optional<SpectralIndex> index(String band) {
    return indices.stream().filter(i -> i.name().equals(band)).findFirst();
  }
}

package org.sylva.pipelines.canopy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.models.io.Json;
import org.sylva.pipelines.canopy.dataset.PatchDataset;
import org.sylva.pipelines.canopy.ingest.IngestedStack;
import org.sylva.pipelines.canopy.predict.Selection;
import org.sylva.pipelines.canopy.train.TrainedVariant;
import org.sylva.pipelines.canopy.train.Variant;
import org.sylva.pipelines.canopy.train.VariantCatalog;
import org.sylva.pipelines.canopy.train.TrainVariants;
import org.sylva.pipelines.canopy.dataset.SpectralIndex;

/**
 * A finished run folder read back: its ingested stack ({@code ingest.json}), dataset and trained variants, as
 * the {@link Selection} the map stage takes, so a map can be predicted again from a run's models and
 * composites (the map-only benchmarks and scaling workload do this).
 */
public record FinishedRun(Selection selection, List<SpectralIndex> indices) {

  public static FinishedRun read(Path runFolder) throws IOException {
    RunLayout layout = RunLayout.at(runFolder);
    if (!Files.isRegularFile(runFolder.resolve("run.json"))) {
      throw new NoSuchFileException(runFolder + ": not a finished canopy run (no run.json); run 'sylva canopy' first");
    }
    IngestedStack stack = Json.mapper().treeToValue(Json.mapper().readTree(layout.ingestManifest().toFile()).path("stack"),
        IngestedStack.class);
    JsonNode summary = Json.mapper().readTree(layout.dataset().resolve("summary.json").toFile());
    List<String> bands = new ArrayList<>();
    summary.path("bands").forEach(b -> bands.add(b.asText()));
    Map<String, PatchDataset.SplitCounts> splits = new LinkedHashMap<>();
    summary.path("splits").fields().forEachRemaining(e -> splits.put(e.getKey(), new PatchDataset.SplitCounts(
        e.getValue().path("patches").asInt(), e.getValue().path("blocks").asInt(), e.getValue().path("targetPixels").asLong())));
    PatchDataset dataset = new PatchDataset(layout.patchTable().toString(),
        layout.dataset().resolve("footprints.parquet").toString(), bands, summary.path("target").asText(),
        summary.path("patchSize").asInt(), splits, stack);
    List<TrainedVariant> variants = new ArrayList<>();
    for (JsonNode ranked : Json.mapper().readTree(layout.metrics().toFile()).path("variants")) {
      String name = ranked.path("variant").asText();
      Path dir = layout.variant(name);
      JsonNode metrics = Json.mapper().readTree(dir.resolve("metrics.json").toFile());
      List<String> variantBands = new ArrayList<>();
      metrics.path("bands").forEach(b -> variantBands.add(b.asText()));
      variants.add(new TrainedVariant(new Variant(name, metrics.path("description").asText(), variantBands),
          dir.resolve("model").toString(), dir.resolve("metrics.json").toString(), ranked.path("validationMae").asDouble(),
          ranked.path("testMae").asDouble(), metrics.path("bestEpoch").asInt(), metrics.path("epochsRun").asInt(), dataset));
    }
    VariantCatalog catalog = Json.read(TrainVariants.catalogFile(layout), VariantCatalog.class);
    return new FinishedRun(new Selection(variants), catalog.indices());
  }
}

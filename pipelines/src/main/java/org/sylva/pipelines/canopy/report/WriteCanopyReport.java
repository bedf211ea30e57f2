package org.sylva.pipelines.canopy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.models.io.AtomicFiles;
import org.sylva.models.io.Json;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;
import org.sylva.pipelines.canopy.dataset.PatchDataset;
import org.sylva.pipelines.canopy.predict.CanopyMap;
import org.sylva.pipelines.canopy.predict.Selection;
import org.sylva.pipelines.canopy.train.TrainedVariant;
import org.sylva.pipelines.common.ResultTables;

/**
 * Stage 5: the metrics and the report. Writes the variant comparison ({@link VariantTable}), {@code metrics.json}
 * (the selected variant's test metrics, the map against the held-out GEDI footprints and, on the demo scene,
 * against the true height), the plots (map against test footprints, error histogram, and the error map against
 * the truth), {@code dead_letters.{parquet,csv}} (every stage's, sorted) and {@code report.md}. Nothing written
 * here depends on time or on the runner, so equal runs give equal bytes.
 */
public final class WriteCanopyReport extends PTransform<PCollection<CanopyMap>, PDone> {

  /** Columns of {@code dead_letters.{parquet,csv}}. */
  public static final Schema DEAD_LETTER_SCHEMA = SchemaBuilder.record("DeadLetterRow").namespace("org.sylva.pipelines.canopy")
      .doc("An input item the run skipped").fields()
      .requiredString("stage").requiredString("item").requiredString("message").endRecord();

  private final PCollection<DeadLetter> deadLetters;
  private final RunLayout layout;
  private final Map<String, String> runDescription;

  /**
   * @param deadLetters every stage's dead letters
   * @param runDescription lines for the report's "run" section (command-line settings that shaped the result)
   */
  public WriteCanopyReport(PCollection<DeadLetter> deadLetters, RunLayout layout, Map<String, String> runDescription) {
    this.deadLetters = deadLetters;
    this.layout = layout;
    this.runDescription = new LinkedHashMap<>(runDescription);
  }

  @Override
  public PDone expand(PCollection<CanopyMap> map) {
    PCollectionView<List<DeadLetter>> letters = deadLetters.apply("AllDeadLetters", View.asList());
    map.apply("MetricsPlotsReport", ParDo.of(new ReportFn(letters, layout, runDescription)).withSideInputs(letters));
    return PDone.in(map.getPipeline());
  }

  static final class ReportFn extends DoFn<CanopyMap, Void> {
    private final PCollectionView<List<DeadLetter>> letters;
    private final RunLayout layout;
    private final LinkedHashMap<String, String> runDescription;

    ReportFn(PCollectionView<List<DeadLetter>> letters, RunLayout layout, Map<String, String> runDescription) {
      this.letters = letters;
      this.layout = layout;
      this.runDescription = new LinkedHashMap<>(runDescription);
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      StageTimer timer = StageTimer.start(layout, "report", "", "metrics, plots and report");
      List<DeadLetter> dead = new ArrayList<>(context.sideInput(letters));
      dead.sort(Comparator.comparing(DeadLetter::stage).thenComparing(DeadLetter::item).thenComparing(DeadLetter::message));
      write(context.element(), dead, layout, runDescription);
      timer.done(layout.report().toString());
    }
  }

  /** The whole stage outside Beam. */
  public static void write(CanopyMap map, List<DeadLetter> dead, RunLayout layout, Map<String, String> runDescription)
      throws IOException {
    Selection selection = map.selection();
    TrainedVariant best = selection.best();
    PatchDataset dataset = best.dataset();
    List<GenericRecord> variantRows = VariantTable.rows(selection);
    VariantTable.write(layout.root(), variantRows);

    GridGeometry grid;
    try (GeoTiffReader reader = GeoTiff.open(map.mapPath())) {
      grid = reader.grid();
    }
    float[] heights = MapEvaluation.readMap(map.mapPath(), map.format());
    HeightEvaluation gedi = MapEvaluation.againstTestFootprints(heights, grid.width(), Path.of(dataset.footprintTable()),
        dataset.targetMetric());
    gedi.writePlots(layout.plots(), "map_vs_gedi_test", "Map vs held-out GEDI " + dataset.targetMetric().toUpperCase(Locale.ROOT));
    MapEvaluation.TruthComparison truth = null;
    if (dataset.stack().trueHeightPath().isPresent()) {
      truth = MapEvaluation.againstTruth(heights, dataset.stack().trueHeightPath().get(), dataset.patchTablePath());
      MapEvaluation.writeErrorMap(layout.plots().resolve("map_minus_truth.png"), truth.error(), grid, 10);
    }

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("target", dataset.targetMetric());
    metrics.put("selectedVariant", best.name());
    metrics.put("selectionRule", "lowest validation MAE; ties: fewer bands, then name");
    List<Map<String, Object>> ranking = new ArrayList<>();
    for (TrainedVariant v : selection.ranked()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("variant", v.name());
      row.put("validationMae", v.validationMae());
      row.put("testMae", v.testMae());
      ranking.add(row);
    }
    metrics.put("variants", ranking);
    metrics.put("selectedVariantTest", Json.mapper().readTree(Path.of(best.metricsFile()).toFile()).path("test"));
    metrics.put("mapVsTestFootprints", gedi.accuracy());
    if (truth != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("allPixels", truth.allPixels());
      t.put("testPatches", truth.testPatches());
      metrics.put("mapVsTruth", t);
    }
    metrics.put("dataset", dataset.splits());
    metrics.put("deadLetters", dead.size());
    Json.write(layout.metrics(), metrics);

    List<GenericRecord> deadRows = new ArrayList<>();
    for (DeadLetter d : dead) {
      GenericRecord r = new GenericData.Record(DEAD_LETTER_SCHEMA);
      r.put("stage", d.stage());
      r.put("item", d.item());
      r.put("message", d.message());
      deadRows.add(r);
    }
    ResultTables.writeParquet(layout.root().resolve("dead_letters.parquet"), DEAD_LETTER_SCHEMA, deadRows);
    AtomicFiles.writeString(layout.root().resolve("dead_letters.csv"), ResultTables.toCsv(DEAD_LETTER_SCHEMA, deadRows));

    AtomicFiles.writeString(layout.report(), ReportMarkdown.render(map, grid, variantRows, gedi, truth, dead, runDescription));
  }
}

package org.sylva.pipelines.canopy.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.dataset.PatchDataset;
import org.sylva.pipelines.canopy.dataset.Split;
import org.sylva.pipelines.canopy.predict.CanopyMap;
import org.sylva.pipelines.canopy.train.TrainedVariant;

/** {@code report.md}: the run in one page, with links to the files and plots of the run folder. */
final class ReportMarkdown {

  private ReportMarkdown() {}

  static String render(CanopyMap map, GridGeometry grid, List<GenericRecord> variants, HeightEvaluation gedi,
      MapEvaluation.TruthComparison truth, List<DeadLetter> dead, Map<String, String> run) {
    TrainedVariant best = map.selection().best();
    PatchDataset dataset = best.dataset();
    String metric = dataset.targetMetric().toUpperCase(Locale.ROOT);
    StringBuilder md = new StringBuilder();
    md.append("# Canopy height: ").append(dataset.stack().description()).append("\n\n");
    md.append(String.format(Locale.ROOT, "Map `canopy_height.tif` (%d x %d px of %.0f m, %s, %s) from the **%s** variant"
            + " (%s), the lowest validation MAE of %d variants. STAC item: `canopy_height.json`.%n%n",
        grid.width(), grid.height(), Math.abs(grid.transform().pixelWidth()), grid.crsLabel(),
        map.format() == org.sylva.pipelines.canopy.predict.MapFormat.FLOAT32 ? "float32 metres"
            : "uint16 decimetres, scale 0.1",
        best.name(), best.variant().description(), map.selection().ranked().size()));
    md.append("![canopy height](plots/canopy_height.png)\n\n");

    md.append("## Run\n\n| setting | value |\n|---|---|\n");
    md.append("| period | ").append(dataset.stack().periodStart()).append(" to ").append(dataset.stack().periodEnd())
        .append(" |\n");
    md.append("| target | GEDI L2A ").append(metric).append(" |\n");
    for (Map.Entry<String, String> e : run.entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().replace("|", "\\|")).append(" |\n");
    }
    md.append("\n## Dataset\n\n");
    md.append(String.format(Locale.ROOT, "Patches of %d x %d px with GEDI targets, split by spatial blocks"
        + " (`dataset/patches.parquet`, footprints with their split in `dataset/footprints.parquet`).%n%n", dataset.patchSize(),
        dataset.patchSize()));
    md.append("| split | blocks | patches | target pixels |\n|---|---|---|---|\n");
    for (Split s : Split.values()) {
      PatchDataset.SplitCounts c = dataset.counts(s);
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", s.label(), c.blocks(), c.patches(), c.targetPixels()));
    }

    md.append("\n## Variants\n\nValidation chooses the variant; test pixels (held-out blocks) report how well each does."
        + " MAE, RMSE and bias in metres (`variants.md` has every column, `variants.parquet`/`.csv`/`.json` the same"
        + " table).\n\n");
    md.append("| rank | variant | bands | val MAE | test MAE | test RMSE | test bias | test R² | test MAE 20-30 m |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (GenericRecord r : variants) {
      md.append(String.format(Locale.ROOT, "| %d | %s%s | %d | %.3f | %.3f | %.3f | %+.3f | %.3f | %.3f |%n",
          (Integer) r.get("rank"), r.get("variant"), (Boolean) r.get("selected") ? " (selected)" : "",
          (Integer) r.get("band_count"), (Double) r.get("val_mae"), (Double) r.get("test_mae"), (Double) r.get("test_rmse"),
          (Double) r.get("test_bias"), (Double) r.get("test_r2"), (Double) r.get("test_mae_20_30")));
    }
    md.append("\nTest patches of the selected variant (each pixel of the GEDI target raster):\n\n");
    md.append("![test scatter](variants/").append(best.name()).append("/test-scatter.png)\n");
    md.append("![test errors](variants/").append(best.name()).append("/test-errors.png)\n\n");

    md.append("## Map against held-out GEDI\n\nThe map at the centre pixel of every GEDI footprint of the test split"
        + " against its ").append(metric).append(":\n\n");
    md.append(gedi.accuracy().toMarkdown()).append('\n');
    md.append("![map vs GEDI](plots/map_vs_gedi_test-scatter.png)\n![map errors](plots/map_vs_gedi_test-errors.png)\n\n");

    if (truth != null) {
      md.append("## Map against the true canopy height\n\nThe demo scene's true height is known everywhere. GEDI "
          + metric + " is the tallest height within a 25 m footprint, so a map trained on it reads higher than the"
          + " per-pixel truth where a stand is uneven.\n\nAll pixels:\n\n");
      md.append(truth.allPixels().toMarkdown());
      md.append("\nPixels of the test patches only:\n\n");
      md.append(truth.testPatches().toMarkdown());
      md.append("\n![map minus truth](plots/map_minus_truth.png)\n\n");
    }

    md.append("## Dead letters\n\n");
    if (dead.isEmpty()) {
      md.append("None: every input item was used.\n");
    } else {
      md.append(dead.size()).append(" item(s) skipped (`dead_letters.csv`):\n\n| stage | item | problem |\n|---|---|---|\n");
      for (DeadLetter d : dead) {
        md.append("| ").append(d.stage()).append(" | ").append(d.item().replace("|", "\\|")).append(" | ")
            .append(d.message().replace("|", "\\|")).append(" |\n");
      }
    }
    md.append("\n## Files\n\n")
        .append("- `canopy_height.tif`, `canopy_height.json`: the map (COG) and its STAC item\n")
        .append("- `variants.{md,csv,json,parquet}`, `metrics.json`: accuracy\n")
        .append("- `variants/<name>/model/`: each trained model (Sylva HeightModel directory), `metrics.json`, test plots\n")
        .append("- `dataset/`: the patch and footprint tables\n")
        .append("- `dead_letters.{csv,parquet}`, `ingest.json`, `run.json` (inputs, options, versions, timings)\n");
    return md.toString();
  }
}

package org.sylva.pipelines.canopy.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sylva.models.io.Json;
import org.sylva.models.metrics.HeightAccuracy;
import org.sylva.pipelines.canopy.predict.Selection;
import org.sylva.pipelines.canopy.train.TrainedVariant;
import org.sylva.pipelines.common.ResultTables;

/**
 * The comparison table of the variants, one row each in ranking order ({@link Selection}), written as
 * {@code variants.{parquet,csv,json,md}}: {@code rank, variant, description, bands, band_count, selected},
 * validation {@code val_mae, val_rmse, val_bias, val_r2}, test {@code test_pixels, test_mae, test_rmse,
 * test_bias, test_r2}, the test MAE per reference-height class ({@code test_mae_0_5, test_mae_5_10,
 * test_mae_10_20, test_mae_20_30, test_mae_30_up}), {@code best_epoch} (0-based) and {@code epochs_run}.
 * Heights in metres; validation and test are pixels of the GEDI target raster in held-out blocks.
 */
public final class VariantTable {

  static final String[] CLASS_COLUMNS = {"test_mae_0_5", "test_mae_5_10", "test_mae_10_20", "test_mae_20_30", "test_mae_30_up"};

  public static final Schema SCHEMA;

  static {
    SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record("CanopyVariant").namespace("org.sylva.pipelines.canopy")
        .doc("Validation and test accuracy of one input variant").fields()
        .requiredInt("rank").requiredString("variant").requiredString("description").requiredString("bands")
        .requiredInt("band_count").requiredBoolean("selected")
        .requiredDouble("val_mae").requiredDouble("val_rmse").requiredDouble("val_bias").requiredDouble("val_r2")
        .requiredLong("test_pixels").requiredDouble("test_mae").requiredDouble("test_rmse").requiredDouble("test_bias")
        .requiredDouble("test_r2");
    for (String c : CLASS_COLUMNS) {
      f = f.requiredDouble(c);
    }
    SCHEMA = f.requiredInt("best_epoch").requiredInt("epochs_run").endRecord();
    if (HeightAccuracy.BOUNDS_METRES.length + 1 != CLASS_COLUMNS.length) {
      throw new IllegalStateException("height classes changed: update VariantTable.CLASS_COLUMNS");
    }
  }

  private VariantTable() {}

  /** The rows, read from each variant's {@code metrics.json}. */
  public static List<GenericRecord> rows(Selection selection) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    int rank = 1;
    for (TrainedVariant v : selection.ranked()) {
      JsonNode metrics = Json.mapper().readTree(Path.of(v.metricsFile()).toFile());
      JsonNode val = metrics.path("validation").path("overall");
      JsonNode test = metrics.path("test").path("overall");
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("rank", rank);
      r.put("variant", v.name());
      r.put("description", v.variant().description());
      r.put("bands", String.join(" ", v.bands()));
      r.put("band_count", v.bands().size());
      r.put("selected", rank == 1);
      r.put("val_mae", val.path("mae").asDouble(Double.NaN));
      r.put("val_rmse", val.path("rmse").asDouble(Double.NaN));
      r.put("val_bias", val.path("bias").asDouble(Double.NaN));
      r.put("val_r2", val.path("r2").asDouble(Double.NaN));
      r.put("test_pixels", test.path("count").asLong());
      r.put("test_mae", test.path("mae").asDouble(Double.NaN));
      r.put("test_rmse", test.path("rmse").asDouble(Double.NaN));
      r.put("test_bias", test.path("bias").asDouble(Double.NaN));
      r.put("test_r2", test.path("r2").asDouble(Double.NaN));
      JsonNode classes = metrics.path("test").path("classes");
      for (int c = 0; c < CLASS_COLUMNS.length; c++) {
        r.put(CLASS_COLUMNS[c], classes.path(c).path("metrics").path("mae").asDouble(Double.NaN));
      }
      r.put("best_epoch", metrics.path("bestEpoch").asInt());
      r.put("epochs_run", metrics.path("epochsRun").asInt());
      rows.add(r);
      rank++;
    }
    return rows;
  }

  /** Writes {@code <dir>/variants.{parquet,csv,json,md}}. */
  public static void write(Path dir, List<GenericRecord> rows) throws IOException {
    ResultTables.writeAll(dir, "variants", SCHEMA, rows, 3);
  }
}

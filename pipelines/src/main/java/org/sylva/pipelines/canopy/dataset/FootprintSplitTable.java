package org.sylva.pipelines.canopy.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediFootprintTable;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.models.io.AtomicFiles;
import org.sylva.pipelines.common.ResultTables;

/**
 * The kept GEDI footprints with the split their pixel belongs to: the columns of
 * {@link org.sylva.geo.gedi.GediFootprintTable} ({@code shot_number, time} (UTC, µs), {@code lon, lat} (WGS84°),
 * {@code x, y} (grid CRS, m), {@code beam, power_beam, sensitivity, rh95, rh98, rh100, elevation} (m),
 * {@code source_file}) plus {@code row, col} (pixel of the footprint centre in the 10 m grid), {@code patch_id}
 * (empty when the pixel is in no dataset patch) and {@code split} ({@code train}, {@code validation},
 * {@code test}, or {@code none} for pixels outside the kept patches). Written as Parquet and a CSV twin.
 */
public final class FootprintSplitTable {

  public static final Schema SCHEMA = GediFootprintTable.footprintFields(SchemaBuilder.record("GediFootprintSplit")
          .namespace("org.sylva.pipelines.canopy").doc("Kept GEDI L2A footprints with their dataset split").fields())
      .requiredInt("row").requiredInt("col").requiredString("patch_id").requiredString("split")
      .endRecord();

  public static final String NO_SPLIT = "none";

  private FootprintSplitTable() {}

  /** A footprint with its pixel, patch and split, as written. */
  public record Row(GediFootprint footprint, int row, int col, String patchId, String split) {}

  /**
   * The rows for {@code footprints} on {@code grid}; {@code patchOf} maps a pixel (row, col) to its patch id and
   * split, or null when the pixel is in no kept patch. Footprints outside the grid are left out.
   */
  public static List<Row> rows(List<GediFootprint> footprints, GridGeometry grid,
      Function<int[], String[]> patchOf) {
    List<Row> rows = new ArrayList<>();
    for (GediFootprint f : footprints) {
      int col = (int) Math.floor(grid.transform().col(f.x(), f.y()));
      int row = (int) Math.floor(grid.transform().row(f.x(), f.y()));
      if (col < 0 || row < 0 || col >= grid.width() || row >= grid.height()) {
        continue;
      }
      String[] patch = patchOf.apply(new int[] {row, col});
      rows.add(new Row(f, row, col, patch == null ? "" : patch[0], patch == null ? NO_SPLIT : patch[1]));
    }
    return rows;
  }

  /** Writes {@code <base>.parquet} and {@code <base>.csv}, each atomically. */
  public static void write(Path dir, String base, List<Row> rows) throws IOException {
    List<GenericRecord> records = new ArrayList<>(rows.size());
    for (Row r : rows) {
      records.add(toRecord(r));
    }
    ResultTables.writeParquet(dir.resolve(base + ".parquet"), SCHEMA, records);
    AtomicFiles.writeString(dir.resolve(base + ".csv"), ResultTables.toCsv(SCHEMA, records));
  }

  private static GenericRecord toRecord(Row row) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    GediFootprintTable.putFootprint(r, row.footprint());
    r.put("row", row.row());
    r.put("col", row.col());
    r.put("patch_id", row.patchId());
    r.put("split", row.split());
    return r;
  }
}

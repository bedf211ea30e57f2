package org.sylva.pipelines.canopy.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchTableTest {

  @TempDir Path dir;

  static PatchRecord patch(int i, Split split, List<String> bands, Random random) {
    int size = 4;
    Map<String, float[]> values = new LinkedHashMap<>();
    for (String band : bands) {
      float[] v = new float[size * size];
      for (int k = 0; k < v.length; k++) {
        v[k] = k == 3 ? Float.NaN : random.nextFloat();
      }
      values.put(band, v);
    }
    float[] target = new float[size * size];
    for (int k = 0; k < target.length; k++) {
      target[k] = k % 3 == 0 ? 10 + k : Float.NaN;
    }
    return new PatchRecord(PatchRecord.idOf(i * size, 0), i * size, 0, i, 0, split, size, values, target);
  }

  @Test
  void roundTripsOnlyTheRequestedColumnsInTheRequestedOrder() throws Exception {
    List<String> bands = List.of("B02", "B04", "VV");
    Random random = new Random(3);
    List<PatchRecord> written = new ArrayList<>();
    Split[] splits = {Split.TRAIN, Split.TRAIN, Split.VALIDATION, Split.TEST};
    for (int i = 0; i < splits.length; i++) {
      written.add(patch(i, splits[i], bands, random));
    }
    Path file = dir.resolve("patches.parquet");
    PatchTable.write(file, bands, Map.of(PatchTable.META_TARGET, "rh98"), written);

    assertThat(PatchTable.bands(file)).containsExactly("B02", "B04", "VV");
    assertThat(PatchTable.metadata(file)).containsEntry(PatchTable.META_TARGET, "rh98");
    List<PatchRecord> train = PatchTable.read(file, List.of("VV", "B02"), s -> s == Split.TRAIN);
    assertThat(train).hasSize(2);
    for (int i = 0; i < 2; i++) {
      PatchRecord read = train.get(i);
      PatchRecord original = written.get(i);
      assertThat(read.bands().keySet()).containsExactly("VV", "B02");
      assertThat(read.bands().get("VV")).isEqualTo(original.bands().get("VV"));
      assertThat(read.bands().get("B02")).isEqualTo(original.bands().get("B02"));
      assertThat(read.target()).isEqualTo(original.target());
      assertThat(read.id()).isEqualTo(original.id());
      assertThat(read.row()).isEqualTo(original.row());
      assertThat(read.split()).isEqualTo(Split.TRAIN);
      assertThat(read.targetPixels()).isEqualTo(6);
    }
    assertThat(PatchTable.read(file, List.of(), s -> s == Split.TEST)).singleElement()
        .satisfies(p -> assertThat(p.bands()).isEmpty());
    assertThatThrownBy(() -> PatchTable.read(file, List.of("B12"), s -> true)).hasMessageContaining("no band column B12");
  }

  /**
   * A second Parquet reader (parquet-avro, generic records) sees the scalar columns and, read as the LIST
   * specification says (three levels, not parquet-avro's legacy two-level guess), arrays of floats.
   */
  @Test
  void standardListsThatOtherReadersUnderstand() throws Exception {
    List<String> bands = List.of("B08");
    PatchRecord p = patch(0, Split.VALIDATION, bands, new Random(1));
    Path file = dir.resolve("one.parquet");
    PatchTable.write(file, bands, Map.of(), List.of(p));
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.set("parquet.avro.add-list-element-records", "false");
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
        .withDataModel(GenericData.get()).withConf(conf).build()) {
      GenericRecord r = reader.read();
      assertThat(r.get("split").toString()).isEqualTo("validation");
      assertThat(r.get("size")).isEqualTo(4);
      assertThat(r.get("target_pixels")).isEqualTo(6);
      List<?> values = (List<?>) r.get("B08");
      assertThat(values).hasSize(16);
      assertThat(((Number) values.get(0)).floatValue()).isEqualTo(p.bands().get("B08")[0]);
      assertThat(reader.read()).isNull();
    }
    assertThat(Files.list(dir).map(f -> f.getFileName().toString())).containsExactly("one.parquet");
  }
}

package org.sylva.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTablesTest {

  @TempDir Path dir;

  private static final Schema SCHEMA = SchemaBuilder.record("Row").namespace("org.sylva.test").fields()
      .requiredString("variant").requiredDouble("mae").requiredLong("n").endRecord();

  @Test
  void writesParquetCsvJsonAndMarkdownWithTheSameRows() throws Exception {
    List<GenericRecord> rows = List.of(row("s1, only", 4.25, 10), row("s2|all", 2.5, 12));
    ResultTables.writeAll(dir, "variants", SCHEMA, rows, 2);

    List<GenericRecord> back = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
        new LocalInputFile(dir.resolve("variants.parquet")), new PlainParquetConfiguration()).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        back.add(r);
      }
    }
    assertThat(back).hasSize(2);
    assertThat(back.get(0).get("variant").toString()).isEqualTo("s1, only");
    assertThat(back.get(1).get("mae")).isEqualTo(2.5);
    assertThat(back.get(1).get("n")).isEqualTo(12L);

    assertThat(Files.readString(dir.resolve("variants.csv")))
        .isEqualTo("variant,mae,n\n\"s1, only\",4.25,10\ns2|all,2.5,12\n");
    assertThat(Files.readString(dir.resolve("variants.md")))
        .contains("| variant | mae | n |").contains("| s1, only | 4.25 | 10 |").contains("| s2\\|all | 2.50 | 12 |");
    assertThat(Files.readString(dir.resolve("variants.json"))).contains("\"mae\" : 4.25");
  }

  @Test
  void markdownShowsSmallValuesInScientificNotation() {
    String md = ResultTables.toMarkdown(SCHEMA, List.of(row("a", 3.2e-7, 1), row("b", 0.0, 2), row("c", Double.NaN, 3)), 4);
    assertThat(md).contains("| a | 3.200e-07 | 1 |").contains("| b | 0.0000 | 2 |").contains("| c | NaN | 3 |");
  }

  private static GenericRecord row(String variant, double mae, long n) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("variant", variant);
    r.put("mae", mae);
    r.put("n", n);
    return r;
  }
}

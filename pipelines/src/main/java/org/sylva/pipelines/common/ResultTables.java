package org.sylva.pipelines.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.sylva.models.io.AtomicFiles;

/**
 * Writes a result table in the four forms reports use: Parquet (pandas/DuckDB), CSV and JSON twins (for
 * tools without a Parquet reader, such as Debian's pandas without pyarrow) and a Markdown table for
 * humans. Each file is written atomically. Values are taken from Avro records so one schema documents all
 * four; doubles are printed in Markdown with {@code markdownDigits} decimals, or in scientific notation
 * when that would hide their magnitude.
 */
public final class ResultTables {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultTables() {}

  /** Writes {@code <dir>/<baseName>.{parquet,csv,json,md}}. */
  public static void writeAll(Path dir, String baseName, Schema schema, List<GenericRecord> rows, int markdownDigits)
      throws IOException {
    writeParquet(dir.resolve(baseName + ".parquet"), schema, rows);
    AtomicFiles.writeString(dir.resolve(baseName + ".csv"), toCsv(schema, rows));
    AtomicFiles.writeString(dir.resolve(baseName + ".json"), JSON.writeValueAsString(toMaps(schema, rows)) + "\n");
    AtomicFiles.writeString(dir.resolve(baseName + ".md"), toMarkdown(schema, rows, markdownDigits));
  }

  /** Writes rows to a GZIP-compressed Parquet file (no native codec needed), atomically. */
  public static void writeParquet(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    AtomicFiles.write(file, temporary -> {
      Files.delete(temporary); // the Parquet writer creates the file itself
      try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(temporary))
          .withSchema(schema)
          .withConf(new PlainParquetConfiguration())
          .withCompressionCodec(CompressionCodecName.GZIP)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .build()) {
        for (GenericRecord row : rows) {
          writer.write(row);
        }
      }
    });
  }

  public static List<Map<String, Object>> toMaps(Schema schema, List<GenericRecord> rows) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (GenericRecord row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Schema.Field f : schema.getFields()) {
        Object v = row.get(f.name());
        map.put(f.name(), v instanceof CharSequence ? v.toString() : v);
      }
      maps.add(map);
    }
    return maps;
  }

  public static String toCsv(Schema schema, List<GenericRecord> rows) {
    StringBuilder out = new StringBuilder();
    List<String> names = schema.getFields().stream().map(Schema.Field::name).toList();
    out.append(String.join(",", names)).append('\n');
    for (GenericRecord row : rows) {
      List<String> cells = new ArrayList<>();
      for (String name : names) {
        cells.add(csvCell(row.get(name)));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  public static String toMarkdown(Schema schema, List<GenericRecord> rows, int digits) {
    StringBuilder out = new StringBuilder();
    List<String> names = schema.getFields().stream().map(Schema.Field::name).toList();
    out.append("| ").append(String.join(" | ", names)).append(" |\n");
    out.append("|").append("---|".repeat(names.size())).append('\n');
    for (GenericRecord row : rows) {
      out.append("|");
      for (String name : names) {
        out.append(' ').append(markdownCell(row.get(name), digits)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof Double d ? Double.toString(d) : value.toString();
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String markdownCell(Object value, int digits) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      // Fixed decimals would print a 3e-7 loss as 0.000000: small magnitudes switch to scientific notation.
      boolean tiny = d != 0 && Math.abs(d) < Math.pow(10, -digits + 1);
      return String.format(Locale.ROOT, tiny ? "%." + Math.max(1, digits - 1) + "e" : "%." + digits + "f", d);
    }
    return value.toString().replace("|", "\\|");
  }
}

package org.sylva.geo.gedi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.sylva.geo.io.AtomicOutput;

/**
 * The Parquet table of kept GEDI footprints: one row per shot with columns {@code shot_number} (int64; the
 * uint64 bits), {@code time} (UTC timestamp, microseconds), {@code lon, lat} (WGS84 degrees), {@code x, y}
 * (target CRS map units), {@code beam} ("BEAM0101"), {@code power_beam}, {@code sensitivity}, {@code rh95,
 * rh98, rh100, elevation} (metres) and {@code source_file}. The target CRS is stored in the file's key-value
 * metadata under {@code sylva.crs}. Written with parquet-avro without Hadoop configuration, GZIP-compressed,
 * to a temporary file moved into place on {@link Writer#commit()}: an interrupted write leaves nothing.
 */
public final class GediFootprintTable {

  public static final String CRS_METADATA_KEY = "sylva.crs";

  public static final Schema SCHEMA = footprintFields(SchemaBuilder.record("GediFootprint")
      .namespace("org.sylva.geo.gedi").doc("Kept GEDI L2A footprints").fields()).endRecord();

  private GediFootprintTable() {}

  /** Appends this table's columns to {@code fields}, for tables that extend it (e.g. with a dataset split). */
  public static SchemaBuilder.FieldAssembler<Schema> footprintFields(SchemaBuilder.FieldAssembler<Schema> fields) {
    return fields
        .requiredLong("shot_number")
        .name("time").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
        .requiredDouble("lon")
        .requiredDouble("lat")
        .requiredDouble("x")
        .requiredDouble("y")
        .requiredString("beam")
        .requiredBoolean("power_beam")
        .requiredFloat("sensitivity")
        .requiredDouble("rh95")
        .requiredDouble("rh98")
        .requiredDouble("rh100")
        .requiredDouble("elevation")
        .requiredString("source_file");
  }

  /** Puts {@code f} into the {@link #footprintFields} columns of {@code r}. */
  public static void putFootprint(GenericRecord r, GediFootprint f) {
    r.put("shot_number", f.shotNumber());
    r.put("time", ChronoUnit.MICROS.between(Instant.EPOCH, f.time()));
    r.put("lon", f.lon());
    r.put("lat", f.lat());
    r.put("x", f.x());
    r.put("y", f.y());
    r.put("beam", f.beam().name());
    r.put("power_beam", f.powerBeam());
    r.put("sensitivity", f.sensitivity());
    r.put("rh95", f.rh95());
    r.put("rh98", f.rh98());
    r.put("rh100", f.rh100());
    r.put("elevation", f.elevation());
    r.put("source_file", f.sourceFile());
  }

  /** Opens a writer to a temporary file beside {@code target}; {@code crsLabel} names the x/y CRS. */
  public static Writer open(Path target, String crsLabel) throws IOException {
    return new Writer(target, crsLabel);
  }

  /** Writes all footprints to {@code target} atomically. */
  public static void write(Path target, String crsLabel, Iterable<GediFootprint> footprints) throws IOException {
    try (Writer writer = open(target, crsLabel)) {
      for (GediFootprint footprint : footprints) {
        writer.accept(footprint);
      }
      writer.commit();
    }
  }

  /** Reads a table written by {@link Writer}. */
  public static List<GediFootprint> read(Path file) throws IOException {
    List<GediFootprint> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
        .withDataModel(GenericData.get()).withConf(new PlainParquetConfiguration()).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        rows.add(fromRecord(r));
      }
    }
    return rows;
  }

  private static GediFootprint fromRecord(GenericRecord r) {
    long micros = (Long) r.get("time");
    return new GediFootprint((Long) r.get("shot_number"), Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
        (Double) r.get("lon"), (Double) r.get("lat"), (Double) r.get("x"), (Double) r.get("y"),
        GediBeam.valueOf(r.get("beam").toString()), (Float) r.get("sensitivity"),
        (Double) r.get("rh95"), (Double) r.get("rh98"), (Double) r.get("rh100"), (Double) r.get("elevation"),
        r.get("source_file").toString());
  }

  private static GenericRecord toRecord(GediFootprint f) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    putFootprint(r, f);
    return r;
  }

  /**
   * Streams footprints into the table. Nothing appears at the target path until {@link #commit()};
   * closing without committing deletes the temporary file. Not thread-safe.
   */
  public static final class Writer implements Consumer<GediFootprint>, AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final ParquetWriter<GenericRecord> parquet;
    private long rows;
    private boolean closed;

    private Writer(Path target, String crsLabel) throws IOException {
      this.target = target.toAbsolutePath();
      this.temporary = AtomicOutput.temporarySibling(this.target, ".tmp"); // the Parquet writer creates the file
      this.parquet = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(temporary))
          .withSchema(SCHEMA)
          // Generic records: without this, parquet-avro looks for a class named like the schema
          // (org.sylva.geo.gedi.GediFootprint, which exists) and Avro refuses it as untrusted.
          .withDataModel(GenericData.get())
          .withConf(new PlainParquetConfiguration())
          .withCompressionCodec(CompressionCodecName.GZIP)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withExtraMetaData(Map.of(CRS_METADATA_KEY, crsLabel))
          .build();
    }

    @Override
    public void accept(GediFootprint footprint) {
      try {
        parquet.write(toRecord(footprint));
        rows++;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(target.getFileName() + ": cannot write row: " + e.getMessage(), e);
      }
    }

    public long rows() {
      return rows;
    }

    /** Finishes the file and moves it into place. */
    public void commit() throws IOException {
      closed = true;
      try {
        parquet.close();
        AtomicOutput.moveIntoPlace(temporary, target);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        try {
          parquet.close();
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
    }
  }
}

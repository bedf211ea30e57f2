package org.sylva.pipelines.canopy.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.sylva.models.io.AtomicFiles;

/**
 * The patch dataset as one Parquet file, one row per patch:
 *
 * <pre>
 * patch_id       string   p_r&lt;row&gt;_c&lt;col&gt; (zero-padded)
 * row, col       int32    top-left pixel of the patch in the 10 m grid (0-based)
 * block_row,
 * block_col      int32    spatial block of the split (blocks of patches share their split)
 * split          string   train | validation | test
 * size           int32    patch width = height in pixels
 * target_pixels  int32    pixels with a finite target
 * &lt;band&gt;...      list&lt;float&gt;  one column per feature band (B02 … B12, VV, VH, VV_VH), size² values row-major;
 *                         reflectance (S2) or dB (S1), NaN where the composite has no valid observation
 * target         list&lt;float&gt;  GEDI height in metres (metric in the key-value metadata), NaN where none
 * </pre>
 *
 * Key-value metadata: {@code sylva.bands} (comma-separated band columns), {@code sylva.target} ({@code rh98}),
 * {@code sylva.crs}, {@code sylva.geotransform} (GDAL order, of the whole grid), {@code sylva.patch_size}.
 * Lists are standard three-level Parquet LISTs of required floats, so DuckDB reads them as {@code FLOAT[]} and
 * pyarrow/pandas as arrays ({@code np.asarray(row["B04"]).reshape(size, size)}). ZSTD-compressed (zstd-jni; much
 * faster to write than GZIP for these floats, about as small), dictionary encoding off for the float lists; written to a
 * temporary file and moved into place.
 * Floats are written straight from arrays (no boxing), and reads project only the requested band columns.
 */
public final class PatchTable {

  public static final String TARGET = "target";
  public static final String META_BANDS = "sylva.bands";
  public static final String META_TARGET = "sylva.target";
  public static final String META_CRS = "sylva.crs";
  public static final String META_GEOTRANSFORM = "sylva.geotransform";
  public static final String META_PATCH_SIZE = "sylva.patch_size";

  private static final List<String> SCALARS = List.of("patch_id", "row", "col", "block_row", "block_col", "split", "size",
      "target_pixels");

  private PatchTable() {}

  /** The Parquet schema for these band columns. */
  public static MessageType schema(List<String> bands) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("patch_id");
    for (String name : List.of("row", "col", "block_row", "block_col")) {
      b.required(PrimitiveTypeName.INT32).named(name);
    }
    b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("split");
    b.required(PrimitiveTypeName.INT32).named("size");
    b.required(PrimitiveTypeName.INT32).named("target_pixels");
    for (String band : bands) {
      b.addField(floatList(band));
    }
    b.addField(floatList(TARGET));
    return b.named("canopy_patch");
  }

  private static Type floatList(String name) {
    return Types.requiredList().requiredElement(PrimitiveTypeName.FLOAT).named(name);
  }

  /** Writes {@code patches} (all with the {@code bands} columns) to {@code file} atomically. */
  public static void write(Path file, List<String> bands, Map<String, String> metadata, Iterable<PatchRecord> patches)
      throws IOException {
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put(META_BANDS, String.join(",", bands));
    AtomicFiles.write(file, temporary -> {
      Files.delete(temporary); // the Parquet writer creates the file itself
      try (ParquetWriter<PatchRecord> writer = new Builder(new LocalOutputFile(temporary), bands, meta)
          .withConf(new PlainParquetConfiguration())
          .withCompressionCodec(CompressionCodecName.ZSTD)
          .withDictionaryEncoding(false)
          .withDictionaryEncoding("patch_id", true)
          .withDictionaryEncoding("split", true)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .build()) {
        for (PatchRecord patch : patches) {
          writer.write(patch);
        }
      }
    });
  }

  /** The key-value metadata of a patch table. */
  public static Map<String, String> metadata(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFileMetaData().getKeyValueMetaData();
    }
  }

  /** The band columns of a patch table, in file order. */
  public static List<String> bands(Path file) throws IOException {
    String bands = metadata(file).get(META_BANDS);
    if (bands == null) {
      throw new IOException(file + ": not a Sylva patch table (no " + META_BANDS + " metadata)");
    }
    return List.of(bands.split(","));
  }

  /**
   * Reads the patches of the splits {@code keep} accepts with only the {@code bands} columns (in that order,
   * which may differ from the file's).
   */
  public static List<PatchRecord> read(Path file, List<String> bands, Predicate<Split> keep) throws IOException {
    List<String> available = bands(file);
    for (String band : bands) {
      if (!available.contains(band)) {
        throw new IOException(file + ": no band column " + band + " (has " + available + ")");
      }
    }
    List<PatchRecord> out = new ArrayList<>();
    InputFile input = new LocalInputFile(file);
    try (ParquetReader<PatchRecord> reader = new ReaderBuilder(input, bands).withConf(new PlainParquetConfiguration())
        .build()) {
      for (PatchRecord p = reader.read(); p != null; p = reader.read()) {
        if (keep.test(p.split())) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static final class Builder extends ParquetWriter.Builder<PatchRecord, Builder> {
    private final List<String> bands;
    private final Map<String, String> metadata;

    Builder(OutputFile file, List<String> bands, Map<String, String> metadata) {
      super(file);
      this.bands = List.copyOf(bands);
      this.metadata = Map.copyOf(metadata);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<PatchRecord> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new PatchWriteSupport(bands, metadata);
    }

    @Override
    protected WriteSupport<PatchRecord> getWriteSupport(ParquetConfiguration conf) {
      return new PatchWriteSupport(bands, metadata);
    }
  }

  private static final class PatchWriteSupport extends WriteSupport<PatchRecord> {
    private final List<String> bands;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    PatchWriteSupport(List<String> bands, Map<String, String> metadata) {
      this.bands = bands;
      this.schema = schema(bands);
      this.metadata = new java.util.TreeMap<>(metadata);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(PatchRecord p) {
      consumer.startMessage();
      int field = 0;
      string(field++, "patch_id", p.id());
      integer(field++, "row", p.row());
      integer(field++, "col", p.col());
      integer(field++, "block_row", p.blockRow());
      integer(field++, "block_col", p.blockCol());
      string(field++, "split", p.split().label());
      integer(field++, "size", p.size());
      integer(field++, "target_pixels", p.targetPixels());
      for (String band : bands) {
        float[] values = p.bands().get(band);
        if (values == null) {
          throw new IllegalArgumentException(p.id() + ": no band " + band);
        }
        floats(field++, band, values);
      }
      floats(field, TARGET, p.target());
      consumer.endMessage();
    }

    private void string(int index, String name, String value) {
      consumer.startField(name, index);
      consumer.addBinary(Binary.fromString(value));
      consumer.endField(name, index);
    }

    private void integer(int index, String name, int value) {
      consumer.startField(name, index);
      consumer.addInteger(value);
      consumer.endField(name, index);
    }

    private void floats(int index, String name, float[] values) {
      consumer.startField(name, index);
      consumer.startGroup();
      if (values.length > 0) {
        consumer.startField("list", 0);
        for (float v : values) {
          consumer.startGroup();
          consumer.startField("element", 0);
          consumer.addFloat(v);
          consumer.endField("element", 0);
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
      consumer.endGroup();
      consumer.endField(name, index);
    }
  }

  private static final class ReaderBuilder extends ParquetReader.Builder<PatchRecord> {
    private final List<String> bands;

    ReaderBuilder(InputFile file, List<String> bands) {
      super(file);
      this.bands = List.copyOf(bands);
    }

    @Override
    protected ReadSupport<PatchRecord> getReadSupport() {
      return new PatchReadSupport(bands);
    }
  }

  private static final class PatchReadSupport extends ReadSupport<PatchRecord> {
    private final List<String> bands;

    PatchReadSupport(List<String> bands) {
      this.bands = bands;
    }

    @Override
    public ReadContext init(InitContext context) {
      MessageType file = context.getFileSchema();
      List<Type> fields = new ArrayList<>();
      for (String name : SCALARS) {
        fields.add(file.getType(name));
      }
      for (String band : bands) {
        fields.add(file.getType(band));
      }
      fields.add(file.getType(TARGET));
      return new ReadContext(new MessageType(file.getName(), fields));
    }

    @Override
    public RecordMaterializer<PatchRecord> prepareForRead(org.apache.hadoop.conf.Configuration configuration,
        Map<String, String> metadata, MessageType fileSchema, ReadContext context) {
      return new PatchMaterializer(context.getRequestedSchema());
    }

    @Override
    public RecordMaterializer<PatchRecord> prepareForRead(ParquetConfiguration configuration,
        Map<String, String> metadata, MessageType fileSchema, ReadContext context) {
      return new PatchMaterializer(context.getRequestedSchema());
    }
  }

  /** Assembles a {@link PatchRecord} from the projected columns (scalars first, then lists). */
  private static final class PatchMaterializer extends RecordMaterializer<PatchRecord> {
    private final MessageType schema;
    private final Object[] scalars = new Object[SCALARS.size()];
    private final FloatListConverter[] lists;
    private final GroupConverter root;
    private PatchRecord current;

    PatchMaterializer(MessageType schema) {
      this.schema = schema;
      int fields = schema.getFieldCount();
      this.lists = new FloatListConverter[fields - SCALARS.size()];
      Converter[] converters = new Converter[fields];
      for (int i = 0; i < SCALARS.size(); i++) {
        int index = i;
        converters[i] = new PrimitiveConverter() {
          @Override
          public void addBinary(Binary value) {
            scalars[index] = value.toStringUsingUTF8();
          }

          @Override
          public void addInt(int value) {
            scalars[index] = value;
          }
        };
      }
      for (int i = 0; i < lists.length; i++) {
        lists[i] = new FloatListConverter();
        converters[SCALARS.size() + i] = lists[i];
      }
      this.root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return converters[fieldIndex];
        }

        @Override
        public void start() {
          Arrays.fill(scalars, null);
        }

        @Override
        public void end() {
          Map<String, float[]> ordered = new LinkedHashMap<>();
          for (int i = 0; i < lists.length - 1; i++) {
            ordered.put(schema.getFieldName(SCALARS.size() + i), lists[i].values());
          }
          current = new PatchRecord((String) scalars[0], (Integer) scalars[1], (Integer) scalars[2], (Integer) scalars[3],
              (Integer) scalars[4], Split.ofLabel((String) scalars[5]), (Integer) scalars[6], ordered,
              lists[lists.length - 1].values());
        }
      };
    }

    @Override
    public PatchRecord getCurrentRecord() {
      return current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  /** A LIST&lt;float&gt; column: the outer group, its repeated "list" group and the "element" floats. */
  private static final class FloatListConverter extends GroupConverter {
    private float[] buffer = new float[1024];
    private int size;
    private final PrimitiveConverter element = new PrimitiveConverter() {
      @Override
      public void addFloat(float value) {
        if (size == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[size++] = value;
      }
    };
    private final GroupConverter list = new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return element;
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };

    @Override
    public Converter getConverter(int fieldIndex) {
      return list;
    }

    @Override
    public void start() {
      size = 0;
    }

    @Override
    public void end() {}

    float[] values() {
      return Arrays.copyOf(buffer, size);
    }
  }
}

package org.sylva.geo.geotiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;

/**
 * How a GeoTIFF is written (rasterio's "profile"): sample type, bands and their metadata, nodata, and the
 * Cloud-Optimized GeoTIFF layout options. Defaults follow {@code gdal_translate -of COG -co COMPRESS=DEFLATE
 * -co PREDICTOR=YES}: 512×512 tiles, Deflate level 6, predictor 2 for integers and 3 for float32, average
 * overviews until the smallest fits in one tile, BigTIFF only when the file would exceed 4 GiB. Immutable;
 * build with {@link #builder(DataType, int)} or {@link #from(RasterSource)}.
 *
 * @param threads compression threads (output bytes do not depend on it)
 */
public record GeoTiffProfile(
    DataType dataType,
    List<BandMetadata> bands,
    OptionalDouble nodata,
    Map<String, String> metadata,
    int tileSize,
    Compression compression,
    int deflateLevel,
    Predictor predictor,
    boolean overviews,
    Resampling overviewResampling,
    BigTiff bigTiff,
    int threads) {

  /** When to write BigTIFF (64-bit offsets) instead of classic TIFF. */
  public enum BigTiff {
    /** Only when the classic file would exceed 4 GiB. */
    AUTO,
    YES,
    /** Never; writing fails if the file would exceed 4 GiB. */
    NO
  }

  public GeoTiffProfile {
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(nodata, "nodata");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(predictor, "predictor");
    Objects.requireNonNull(overviewResampling, "overviewResampling");
    Objects.requireNonNull(bigTiff, "bigTiff");
    bands = List.copyOf(bands);
    metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("a GeoTIFF needs at least one band");
    }
    if (tileSize < 16 || tileSize % 16 != 0 || tileSize > 4096) {
      throw new IllegalArgumentException("tile size must be a multiple of 16 between 16 and 4096, got " + tileSize);
    }
    if (!compression.isWritable()) {
      throw new IllegalArgumentException("Sylva writes Deflate or uncompressed GeoTIFFs, not " + compression);
    }
    if (deflateLevel < 1 || deflateLevel > 9) {
      throw new IllegalArgumentException("Deflate level must be 1-9, got " + deflateLevel);
    }
    if (predictor == Predictor.FLOATING_POINT && !dataType.isFloatingPoint()) {
      throw new IllegalArgumentException("the floating-point predictor needs float32 samples, not " + dataType);
    }
    if (compression == Compression.NONE && predictor != Predictor.NONE) {
      throw new IllegalArgumentException("a predictor needs compression");
    }
    if (overviewResampling == Resampling.BILINEAR) {
      throw new IllegalArgumentException("overviews are built with AVERAGE or NEAREST resampling");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (nodata.isPresent() && !dataType.isFloatingPoint()) {
      double v = nodata.getAsDouble();
      if (v != Math.rint(v) || v < dataType.minValue() || v > dataType.maxValue()) {
        throw new IllegalArgumentException("nodata " + v + " is not a " + dataType + " value");
      }
    }
  }

  public int bandCount() {
    return bands.size();
  }

  public List<String> bandNames() {
    List<String> names = new ArrayList<>();
    for (int b = 0; b < bands.size(); b++) {
      names.add(bands.get(b).description().orElse("band" + (b + 1)));
    }
    return names;
  }

  public static Builder builder(DataType dataType, int bandCount) {
    return new Builder(dataType, bandCount);
  }

  /**
   * A builder pre-filled with a source's type, band names and nodata (and, for a GeoTIFF, its band and
   * dataset metadata). Generated names ("band1", ...) are not recorded as descriptions.
   */
  public static Builder from(RasterSource source) {
    Builder b = new Builder(source.dataType(), source.bandCount());
    if (source instanceof GeoTiffReader reader) {
      for (int i = 0; i < source.bandCount(); i++) {
        b.band(i, reader.bandMetadata().get(i));
      }
      b.metadata.putAll(reader.metadata());
    } else {
      for (int i = 0; i < source.bandCount(); i++) {
        String name = source.bandNames().get(i);
        if (!name.equals("band" + (i + 1))) {
          b.band(i, b.bands.get(i).withDescription(name));
        }
      }
    }
    source.nodata().ifPresent(b::nodata);
    return b;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private final DataType dataType;
    private final List<BandMetadata> bands = new ArrayList<>();
    private OptionalDouble nodata = OptionalDouble.empty();
    private final Map<String, String> metadata = new TreeMap<>();
    private int tileSize = 512;
    private Compression compression = Compression.DEFLATE;
    private int deflateLevel = 6;
    private Predictor predictor;
    private boolean overviews = true;
    private Resampling overviewResampling = Resampling.AVERAGE;
    private BigTiff bigTiff = BigTiff.AUTO;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(DataType dataType, int bandCount) {
      this.dataType = Objects.requireNonNull(dataType, "dataType");
      if (bandCount < 1) {
        throw new IllegalArgumentException("a GeoTIFF needs at least one band, got " + bandCount);
      }
      for (int i = 0; i < bandCount; i++) {
        bands.add(BandMetadata.empty());
      }
    }

    /** Band descriptions (names such as "B04"), one per band. */
    public Builder bandNames(String... names) {
      if (names.length != bands.size()) {
        throw new IllegalArgumentException(names.length + " band names for " + bands.size() + " bands");
      }
      for (int i = 0; i < names.length; i++) {
        bands.set(i, bands.get(i).withDescription(names[i]));
      }
      return this;
    }

    /** The same unit (e.g. "m", "dB") for every band. */
    public Builder unit(String unit) {
      bands.replaceAll(b -> b.withUnit(unit));
      return this;
    }

    public Builder band(int index, BandMetadata metadata) {
      bands.set(index, Objects.requireNonNull(metadata));
      return this;
    }

    public Builder nodata(double value) {
      this.nodata = OptionalDouble.of(value);
      return this;
    }

    public Builder noNodata() {
      this.nodata = OptionalDouble.empty();
      return this;
    }

    /** A dataset-level metadata item (GDAL_METADATA without a band). */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    public Builder tileSize(int pixels) {
      this.tileSize = pixels;
      return this;
    }

    public Builder compression(Compression value) {
      this.compression = value;
      return this;
    }

    public Builder deflateLevel(int level) {
      this.deflateLevel = level;
      return this;
    }

    /** Overrides the predictor chosen from the data type (2 for integers, 3 for float32, none uncompressed). */
    public Builder predictor(Predictor value) {
      this.predictor = value;
      return this;
    }

    public Builder overviews(Resampling resampling) {
      this.overviews = true;
      this.overviewResampling = resampling;
      return this;
    }

    public Builder noOverviews() {
      this.overviews = false;
      return this;
    }

    public Builder bigTiff(BigTiff mode) {
      this.bigTiff = mode;
      return this;
    }

    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    public GeoTiffProfile build() {
      Predictor p = predictor;
      if (p == null) {
        p = compression == Compression.NONE ? Predictor.NONE
            : dataType.isFloatingPoint() ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL;
      }
      return new GeoTiffProfile(dataType, bands, nodata, metadata, tileSize, compression, deflateLevel, p,
          overviews, overviewResampling, bigTiff, threads);
    }
  }
}

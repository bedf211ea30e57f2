package org.sylva.geo.geotiff;

import static org.sylva.geo.geotiff.TiffTags.*;

import java.nio.file.Path;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.RasterFormatException;

/**
 * One image of a TIFF resolved from its IFD: the public {@link ImageStructure} plus where each block's bytes
 * are. Built only from valid directories, so readers can trust every field. Immutable.
 */
final class TiffImage {

  private final ImageStructure structure;
  private final long[] offsets;
  private final long[] byteCounts;
  private final int subfileType;
  private final long ifdOffset;

  private TiffImage(ImageStructure structure, long[] offsets, long[] byteCounts, int subfileType, long ifdOffset) {
    this.structure = structure;
    this.offsets = offsets;
    this.byteCounts = byteCounts;
    this.subfileType = subfileType;
    this.ifdOffset = ifdOffset;
  }

  ImageStructure structure() {
    return structure;
  }

  int subfileType() {
    return subfileType;
  }

  long ifdOffset() {
    return ifdOffset;
  }

  boolean isMask() {
    return (subfileType & SUBFILE_MASK) != 0;
  }

  /** Block index in the offset arrays of block (bx, by) of band plane {@code plane} (0 for pixel interleave). */
  int blockIndex(int bx, int by, int plane) {
    return plane * structure.blocksPerPlane() + by * structure.blocksAcross() + bx;
  }

  long offset(int block) {
    return offsets[block];
  }

  long byteCount(int block) {
    return byteCounts[block];
  }

  /** Rows of data stored in block row {@code by}: full tiles always hold blockHeight rows, the last strip may hold fewer. */
  int storedRows(int by) {
    if (structure.tiled()) {
      return structure.blockHeight();
    }
    return Math.min(structure.blockHeight(), structure.height() - by * structure.blockHeight());
  }

  /** Lowest file offset of any block with data, or Long.MAX_VALUE if all are sparse. */
  long firstDataOffset() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < offsets.length; i++) {
      if (byteCounts[i] > 0) {
        min = Math.min(min, offsets[i]);
      }
    }
    return min;
  }

  static TiffImage from(Path file, TiffDirectory dir, long fileSize) throws RasterFormatException {
    String where = dir.offset() == 0 ? "" : " (IFD at byte " + dir.offset() + ")";
    int width = (int) dir.first(IMAGE_WIDTH, 0);
    int height = (int) dir.first(IMAGE_LENGTH, 0);
    if (width <= 0 || height <= 0) {
      throw new RasterFormatException(file, "corrupt TIFF: image size " + width + "x" + height + where);
    }
    int compressionCode = (int) dir.first(COMPRESSION, 1);
    Compression compression = Compression.fromCode(compressionCode).orElseThrow(() -> new RasterFormatException(file,
        "unsupported compression " + Compression.describe(compressionCode)
            + "; Sylva reads uncompressed, LZW and Deflate (convert with gdal_translate -co COMPRESS=DEFLATE)"));
    int bands = (int) dir.first(SAMPLES_PER_PIXEL, 1);
    if (bands <= 0 || bands > 65535) {
      throw new RasterFormatException(file, "corrupt TIFF: " + bands + " samples per pixel");
    }
    DataType dataType = dataType(file, dir);
    int predictorCode = (int) dir.first(PREDICTOR, 1);
    Predictor predictor = Predictor.fromCode(predictorCode);
    if (predictor == null) {
      throw new RasterFormatException(file, "unsupported predictor " + predictorCode + " (TIFF defines 1, 2 and 3)");
    }
    if (predictor == Predictor.FLOATING_POINT && !dataType.isFloatingPoint()) {
      throw new RasterFormatException(file, "floating-point predictor (3) on " + dataType + " samples");
    }
    int planar = (int) dir.first(PLANAR_CONFIGURATION, 1);
    if (planar != 1 && planar != 2) {
      throw new RasterFormatException(file, "corrupt TIFF: PlanarConfiguration " + planar);
    }
    Interleave interleave = planar == 2 && bands > 1 ? Interleave.BAND : Interleave.PIXEL;

    boolean tiled = dir.has(TILE_WIDTH) || dir.has(TILE_OFFSETS);
    int blockWidth;
    int blockHeight;
    long[] offsets;
    long[] counts;
    if (tiled) {
      blockWidth = (int) dir.first(TILE_WIDTH, 0);
      blockHeight = (int) dir.first(TILE_LENGTH, 0);
      offsets = dir.longs(TILE_OFFSETS);
      counts = dir.longs(TILE_BYTE_COUNTS);
      if (blockWidth <= 0 || blockHeight <= 0) {
        throw new RasterFormatException(file, "corrupt TIFF: tile size " + blockWidth + "x" + blockHeight);
      }
    } else {
      blockWidth = width;
      blockHeight = (int) Math.min(height, dir.first(ROWS_PER_STRIP, height));
      offsets = dir.longs(STRIP_OFFSETS);
      counts = dir.longs(STRIP_BYTE_COUNTS);
      if (blockHeight <= 0) {
        throw new RasterFormatException(file, "corrupt TIFF: RowsPerStrip " + blockHeight);
      }
    }
    String kind = tiled ? "tile" : "strip";
    if (offsets == null || counts == null) {
      throw new RasterFormatException(file, "corrupt TIFF: missing " + kind + " offsets or byte counts" + where);
    }
    ImageStructure structure = new ImageStructure(width, height, tiled, blockWidth, blockHeight, bands, dataType,
        compression, predictor, interleave);
    long expected = (long) structure.blocksPerPlane() * (interleave == Interleave.BAND ? bands : 1);
    if (offsets.length != expected || counts.length != expected) {
      throw new RasterFormatException(file, "corrupt TIFF: " + offsets.length + " " + kind + " offsets and "
          + counts.length + " byte counts for " + expected + " " + kind + "s" + where);
    }
    for (int i = 0; i < offsets.length; i++) {
      if (counts[i] > 0 && (offsets[i] <= 0 || offsets[i] + counts[i] > fileSize)) {
        throw ChannelReads.truncated(file, kind + " " + i + " of " + offsets.length, offsets[i], counts[i], fileSize);
      }
    }
    return new TiffImage(structure, offsets, counts, dir.subfileType(), dir.offset());
  }

  private static DataType dataType(Path file, TiffDirectory dir) throws RasterFormatException {
    long[] bits = dir.longs(BITS_PER_SAMPLE);
    long[] formats = dir.longs(SAMPLE_FORMAT);
    int bitsPerSample = bits == null || bits.length == 0 ? 1 : (int) bits[0];
    int format = formats == null || formats.length == 0 ? 1 : (int) formats[0];
    for (long b : bits == null ? new long[0] : bits) {
      if (b != bitsPerSample) {
        throw new RasterFormatException(file, "bands with different bits per sample are not supported");
      }
    }
    for (long f : formats == null ? new long[0] : formats) {
      if (f != format) {
        throw new RasterFormatException(file, "bands with different sample formats are not supported");
      }
    }
    if (format == 1 && bitsPerSample == 8) {
      return DataType.UINT8;
    } else if (format == 2 && bitsPerSample == 16) {
      return DataType.INT16;
    } else if (format == 1 && bitsPerSample == 16) {
      return DataType.UINT16;
    } else if (format == 3 && bitsPerSample == 32) {
      return DataType.FLOAT32;
    }
    String kindName = switch (format) {
      case 1 -> "unsigned integer";
      case 2 -> "signed integer";
      case 3 -> "floating point";
      case 5, 6 -> "complex";
      default -> "sample format " + format;
    };
    throw new RasterFormatException(file, "unsupported sample format: " + bitsPerSample + "-bit " + kindName
        + "; Sylva reads uint8, int16, uint16 and float32");
  }
}

package org.sylva.geo.geotiff;

import static org.sylva.geo.geotiff.TiffTags.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sylva.geo.raster.RasterFormatException;

/**
 * The container level of a TIFF or BigTIFF file: byte order, the chain of IFDs with all their fields
 * decoded, and GDAL's "ghost" structural metadata block when present (COG files). Pixel data is not read.
 */
record TiffStructure(ByteOrder order, boolean bigTiff, List<TiffDirectory> directories, Optional<String> structuralMetadata) {

  static final String GHOST_PREFIX = "GDAL_STRUCTURAL_METADATA_SIZE=";
  private static final int MAX_DIRECTORIES = 4096;
  private static final long MAX_ENTRIES = 4096;

  static TiffStructure read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      throw new RasterFormatException(file, "empty file (0 bytes), not a TIFF");
    }
    if (size < 8) {
      throw new RasterFormatException(file, "not a TIFF file (only " + size + " bytes)");
    }
    ByteBuffer head = ChannelReads.read(channel, file, 0, (int) Math.min(16, size), "TIFF header");
    ByteOrder order;
    if (head.get(0) == 'I' && head.get(1) == 'I') {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (head.get(0) == 'M' && head.get(1) == 'M') {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new RasterFormatException(file, "not a TIFF file (starts with " + describeMagic(head) + ")");
    }
    head.order(order);
    int magic = Short.toUnsignedInt(head.getShort(2));
    boolean big;
    long firstIfd;
    if (magic == 42) {
      big = false;
      firstIfd = Integer.toUnsignedLong(head.getInt(4));
    } else if (magic == 43) {
      if (head.limit() < 16 || head.getShort(4) != 8) {
        throw new RasterFormatException(file, "corrupt BigTIFF header");
      }
      big = true;
      firstIfd = head.getLong(8);
    } else {
      throw new RasterFormatException(file, "not a TIFF file (version " + magic + ", expected 42 or 43)");
    }
    Optional<String> ghost = readGhost(file, channel, big ? 16 : 8, firstIfd);
    List<TiffDirectory> directories = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long next = firstIfd;
    while (next != 0) {
      if (!seen.add(next) || directories.size() >= MAX_DIRECTORIES) {
        throw new RasterFormatException(file, "corrupt TIFF: the IFD chain loops at byte " + next);
      }
      IfdReader reader = new IfdReader(file, channel, order, big, size);
      directories.add(reader.read(next));
      next = reader.nextOffset;
    }
    if (directories.isEmpty()) {
      throw new RasterFormatException(file, "TIFF file has no image (no IFD)");
    }
    return new TiffStructure(order, big, List.copyOf(directories), ghost);
  }

  /** Whether GDAL's ghost block declares the COG layout (IFDs before the data). */
  boolean declaresCogLayout() {
    return structuralMetadata.map(s -> s.contains("LAYOUT=IFDS_BEFORE_DATA")).orElse(false);
  }

  private static Optional<String> readGhost(Path file, FileChannel channel, int at, long firstIfd) throws IOException {
    int prefixLength = GHOST_PREFIX.length() + 13; // "000140 bytes\n"
    if (firstIfd < at + prefixLength || channel.size() < at + prefixLength) {
      return Optional.empty();
    }
    String prefix = StandardCharsets.ISO_8859_1.decode(
        ChannelReads.read(channel, file, at, prefixLength, "GDAL structural metadata")).toString();
    if (!prefix.startsWith(GHOST_PREFIX)) {
      return Optional.empty();
    }
    try {
      int length = Integer.parseInt(prefix.substring(GHOST_PREFIX.length(), GHOST_PREFIX.length() + 6));
      if (at + prefixLength + (long) length > firstIfd) {
        return Optional.empty();
      }
      return Optional.of(StandardCharsets.ISO_8859_1.decode(
          ChannelReads.read(channel, file, at + prefixLength, length, "GDAL structural metadata")).toString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String describeMagic(ByteBuffer head) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(4, head.limit()); i++) {
      s.append(String.format("%02X", head.get(i) & 0xFF));
      if (i < 3) {
        s.append(' ');
      }
    }
    return "bytes " + s;
  }

  /** Reads one IFD and its out-of-line values. */
  private static final class IfdReader {
    private final Path file;
    private final FileChannel channel;
    private final ByteOrder order;
    private final boolean big;
    private final long fileSize;
    long nextOffset;

    IfdReader(Path file, FileChannel channel, ByteOrder order, boolean big, long fileSize) {
      this.file = file;
      this.channel = channel;
      this.order = order;
      this.big = big;
      this.fileSize = fileSize;
    }

    TiffDirectory read(long offset) throws IOException {
      int countSize = big ? 8 : 2;
      ByteBuffer countBuffer = ChannelReads.read(channel, file, offset, countSize, "IFD").order(order);
      long entries = big ? countBuffer.getLong(0) : Short.toUnsignedInt(countBuffer.getShort(0));
      if (entries <= 0 || entries > MAX_ENTRIES) {
        throw new RasterFormatException(file, "corrupt TIFF: IFD at byte " + offset + " has " + entries + " entries");
      }
      int entrySize = big ? 20 : 12;
      int pointerSize = big ? 8 : 4;
      ByteBuffer block = ChannelReads.read(channel, file, offset + countSize,
          (int) entries * entrySize + pointerSize, "IFD").order(order);
      TreeMap<Integer, TiffField> fields = new TreeMap<>();
      for (int i = 0; i < entries; i++) {
        int base = i * entrySize;
        int tag = Short.toUnsignedInt(block.getShort(base));
        int type = Short.toUnsignedInt(block.getShort(base + 2));
        long count = big ? block.getLong(base + 4) : Integer.toUnsignedLong(block.getInt(base + 4));
        int valueAt = base + (big ? 12 : 8);
        int typeSize = typeSize(type);
        if (typeSize == 0) {
          continue; // unknown field type: TIFF readers must skip it
        }
        if (count < 0 || count * typeSize > fileSize) {
          throw new RasterFormatException(file, "corrupt TIFF: tag " + tag + " claims " + count + " values");
        }
        int byteCount = (int) (count * typeSize);
        ByteBuffer values;
        if (byteCount <= pointerSize) {
          values = block.duplicate().order(order).position(valueAt).limit(valueAt + byteCount).slice().order(order);
        } else {
          long at = big ? block.getLong(valueAt) : Integer.toUnsignedLong(block.getInt(valueAt));
          values = ChannelReads.read(channel, file, at, byteCount, "values of tag " + tag).order(order);
        }
        fields.put(tag, decode(tag, type, count, values));
      }
      int nextAt = (int) entries * entrySize;
      nextOffset = big ? block.getLong(nextAt) : Integer.toUnsignedLong(block.getInt(nextAt));
      return new TiffDirectory(offset, fields);
    }

    private static TiffField decode(int tag, int type, long count, ByteBuffer v) {
      int n = (int) count;
      switch (type) {
        case TYPE_ASCII: {
          byte[] bytes = new byte[n];
          v.get(0, bytes);
          int end = n;
          while (end > 0 && bytes[end - 1] == 0) {
            end--;
          }
          return new TiffField(tag, type, count, null, null, new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        }
        case TYPE_FLOAT, TYPE_DOUBLE, TYPE_RATIONAL, TYPE_SRATIONAL: {
          double[] d = new double[n];
          for (int i = 0; i < n; i++) {
            d[i] = switch (type) {
              case TYPE_FLOAT -> v.getFloat(i * 4);
              case TYPE_DOUBLE -> v.getDouble(i * 8);
              case TYPE_RATIONAL -> (double) Integer.toUnsignedLong(v.getInt(i * 8)) / Integer.toUnsignedLong(v.getInt(i * 8 + 4));
              default -> (double) v.getInt(i * 8) / v.getInt(i * 8 + 4);
            };
          }
          return new TiffField(tag, type, count, null, d, null);
        }
        default: {
          long[] l = new long[n];
          for (int i = 0; i < n; i++) {
            l[i] = switch (type) {
              case TYPE_BYTE, TYPE_UNDEFINED -> Byte.toUnsignedLong(v.get(i));
              case TYPE_SBYTE -> v.get(i);
              case TYPE_SHORT -> Short.toUnsignedLong(v.getShort(i * 2));
              case TYPE_SSHORT -> v.getShort(i * 2);
              case TYPE_LONG, TYPE_IFD -> Integer.toUnsignedLong(v.getInt(i * 4));
              case TYPE_SLONG -> v.getInt(i * 4);
              default -> v.getLong(i * 8); // LONG8, SLONG8, IFD8
            };
          }
          return new TiffField(tag, type, count, l, null, null);
        }
      }
    }
  }
}

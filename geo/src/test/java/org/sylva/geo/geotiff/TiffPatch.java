package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Edits a classic little-endian TIFF written by Sylva in place, to build malformed test inputs. */
public final class TiffPatch {

  /** GeoTIFF's ProjectedCSTypeGeoKey (the EPSG code of a projected CRS). */
  public static final int PROJECTED_CS_TYPE_KEY = GeoKeys.PROJECTED_CS_TYPE;

  private TiffPatch() {}

  /** Offset of the 12-byte entry of {@code tag} in the first IFD. */
  static long entryOffset(Path file, int tag) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      TiffStructure tiff = TiffStructure.read(file, ch);
      TiffDirectory ifd = tiff.directories().get(0);
      List<Integer> tags = new ArrayList<>(ifd.fields().keySet());
      int index = tags.indexOf(tag);
      if (index < 0) {
        throw new IllegalArgumentException("no tag " + tag);
      }
      return ifd.offset() + 2 + 12L * index;
    }
  }

  /** Replaces the inline SHORT value of a tag. */
  static void setShort(Path file, int tag, int value) throws IOException {
    write(file, entryOffset(file, tag) + 8, shortBytes(value));
  }

  /** Renames a tag (keeps its value), e.g. to hide it from readers as an unknown private tag. */
  static void renameTag(Path file, int tag, int newTag) throws IOException {
    write(file, entryOffset(file, tag), shortBytes(newTag));
  }

  /** Replaces the value of a SHORT GeoKey stored in the key directory. */
  public static void setGeoKey(Path file, int key, int value) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      TiffDirectory ifd = TiffStructure.read(file, ch).directories().get(0);
      long[] keys = ifd.longs(TiffTags.GEO_KEY_DIRECTORY);
      ByteBuffer entry = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(entry, entryOffset(file, TiffTags.GEO_KEY_DIRECTORY) + 8);
      long arrayAt = Integer.toUnsignedLong(entry.getInt(0));
      for (int i = 4; i < keys.length; i += 4) {
        if (keys[i] == key) {
          write(file, arrayAt + 2L * (i + 3), shortBytes(value));
          return;
        }
      }
      throw new IllegalArgumentException("no GeoKey " + key);
    }
  }

  /** Overwrites bytes of the file at {@code offset}. */
  public static void write(Path file, long offset, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b, offset + b.position());
      }
    }
  }

  /** File offset of full-resolution tile {@code index}. */
  public static long tileOffset(Path file, int index) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      return TiffStructure.read(file, ch).directories().get(0).longs(TiffTags.TILE_OFFSETS)[index];
    }
  }

  private static byte[] shortBytes(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8)};
  }
}

package org.sylva.geo.geotiff;

import static org.sylva.geo.geotiff.TiffTags.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One IFD to be written little-endian: entries sorted by tag, values that do not fit in the entry stored
 * after it. Strip/tile offsets and byte counts are "deferred": their values are known only once the whole
 * header is laid out, and GDAL places them after all IFDs, so they are written separately.
 */
final class IfdBuilder {

  private record Entry(int tag, int type, long count, byte[] payload) {}

  private final TreeMap<Integer, Entry> entries = new TreeMap<>();
  private final TreeMap<Integer, Integer> deferredTypes = new TreeMap<>();
  private final TreeMap<Integer, long[]> deferredValues = new TreeMap<>();

  IfdBuilder shorts(int tag, int... values) {
    ByteBuffer b = buffer(values.length * 2);
    for (int v : values) {
      b.putShort((short) v);
    }
    entries.put(tag, new Entry(tag, TYPE_SHORT, values.length, b.array()));
    return this;
  }

  /** SHORT when the value fits, else LONG (as libtiff does for image sizes). */
  IfdBuilder shortOrLong(int tag, long value) {
    if (value < 65536) {
      return shorts(tag, (int) value);
    }
    return longs(tag, value);
  }

  IfdBuilder longs(int tag, long... values) {
    ByteBuffer b = buffer(values.length * 4);
    for (long v : values) {
      b.putInt((int) v);
    }
    entries.put(tag, new Entry(tag, TYPE_LONG, values.length, b.array()));
    return this;
  }

  IfdBuilder doubles(int tag, double... values) {
    ByteBuffer b = buffer(values.length * 8);
    for (double v : values) {
      b.putDouble(v);
    }
    entries.put(tag, new Entry(tag, TYPE_DOUBLE, values.length, b.array()));
    return this;
  }

  IfdBuilder ascii(int tag, String value) {
    byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
    byte[] payload = java.util.Arrays.copyOf(text, text.length + 1);
    entries.put(tag, new Entry(tag, TYPE_ASCII, payload.length, payload));
    return this;
  }

  /** A strile array (offsets or byte counts) of {@code count} values of {@code type}, filled in later. */
  IfdBuilder deferred(int tag, int type, int count) {
    entries.put(tag, new Entry(tag, type, count, null));
    deferredTypes.put(tag, type);
    return this;
  }

  void setDeferred(int tag, long[] values) {
    deferredValues.put(tag, values);
  }

  int entryCount() {
    return entries.size();
  }

  /** Bytes of the entry block: count, entries, next-IFD pointer. */
  int entryBlockSize(boolean big) {
    return (big ? 8 : 2) + entries.size() * (big ? 20 : 12) + (big ? 8 : 4);
  }

  /** Bytes of out-of-line values stored right after the entry block (deferred arrays excluded), word aligned. */
  int valuesSize(boolean big) {
    int size = 0;
    for (Entry e : valueOrder()) {
      if (e.payload != null && e.payload.length > pointerSize(big)) {
        size += align(e.payload.length);
      }
    }
    return size;
  }

  /** Bytes of the deferred arrays that do not fit inline. */
  int deferredSize(boolean big) {
    int size = 0;
    for (Entry e : entries.values()) {
      if (e.payload == null && e.count * typeSize(e.type) > pointerSize(big)) {
        size += align((int) (e.count * typeSize(e.type)));
      }
    }
    return size;
  }

  /**
   * Writes the entry block at {@code ifdOffset} followed by its values, and the deferred arrays at
   * {@code deferredOffset}, into {@code out} (whose index 0 is file offset {@code base}).
   */
  void write(ByteBuffer out, long base, long ifdOffset, long nextIfd, long deferredOffset, boolean big) {
    int pointer = pointerSize(big);
    long valuesAt = ifdOffset + entryBlockSize(big);
    TreeMap<Integer, Long> valueOffsets = new TreeMap<>();
    for (Entry e : valueOrder()) {
      if (e.payload != null && e.payload.length > pointer) {
        valueOffsets.put(e.tag, valuesAt);
        put(out, base, valuesAt, e.payload);
        valuesAt += align(e.payload.length);
      }
    }
    long deferredAt = deferredOffset;
    TreeMap<Integer, byte[]> deferredPayloads = new TreeMap<>();
    for (Entry e : entries.values()) {
      if (e.payload == null) {
        byte[] payload = encode(deferredValues.get(e.tag), e.type);
        deferredPayloads.put(e.tag, payload);
        if (payload.length > pointer) {
          valueOffsets.put(e.tag, deferredAt);
          put(out, base, deferredAt, payload);
          deferredAt += align(payload.length);
        }
      }
    }
    int at = (int) (ifdOffset - base);
    if (big) {
      out.putLong(at, entries.size());
      at += 8;
    } else {
      out.putShort(at, (short) entries.size());
      at += 2;
    }
    for (Entry e : entries.values()) {
      out.putShort(at, (short) e.tag);
      out.putShort(at + 2, (short) e.type);
      if (big) {
        out.putLong(at + 4, e.count);
      } else {
        out.putInt(at + 4, (int) e.count);
      }
      int valueAt = at + (big ? 12 : 8);
      byte[] payload = e.payload != null ? e.payload : deferredPayloads.get(e.tag);
      if (payload.length <= pointer) {
        for (int i = 0; i < payload.length; i++) {
          out.put(valueAt + i, payload[i]);
        }
      } else if (big) {
        out.putLong(valueAt, valueOffsets.get(e.tag));
      } else {
        out.putInt(valueAt, (int) (long) valueOffsets.get(e.tag));
      }
      at += big ? 20 : 12;
    }
    if (big) {
      out.putLong(at, nextIfd);
    } else {
      out.putInt(at, (int) nextIfd);
    }
  }

  /** GDAL's order of out-of-line values: standard tags, then GDAL_METADATA and GDAL_NODATA, then GeoTIFF tags. */
  private List<Entry> valueOrder() {
    List<Entry> list = new ArrayList<>(entries.values());
    list.sort(Comparator.comparingInt(e -> e.tag < 32768 ? e.tag : e.tag == GDAL_METADATA ? 40000
        : e.tag == GDAL_NODATA ? 40001 : 50000 + e.tag));
    return list;
  }

  private static byte[] encode(long[] values, int type) {
    ByteBuffer b = buffer(values.length * typeSize(type));
    for (long v : values) {
      if (type == TYPE_LONG8) {
        b.putLong(v);
      } else {
        b.putInt((int) v);
      }
    }
    return b.array();
  }

  private static void put(ByteBuffer out, long base, long offset, byte[] payload) {
    out.put((int) (offset - base), payload);
  }

  private static int pointerSize(boolean big) {
    return big ? 8 : 4;
  }

  static int align(int n) {
    return (n + 1) & ~1;
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}

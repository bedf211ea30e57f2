package org.sylva.geo.geotiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded blocks (decompressed, predictor undone), least recently used first out, bounded in bytes, as GDAL's
 * block cache: windows that overlap (sliding or random patches) decode shared tiles once. One cache serves
 * all open files ({@link #shared()}), so many open bands cannot multiply its memory. Entries are immutable
 * once cached. Thread-safe; decoding happens outside the lock, so two threads may occasionally decode the
 * same block, harmlessly.
 */
final class TileCache {

  /** Block {@code block} of image {@code image} (0 = full resolution, 1.. = overviews) of one open file. */
  record Key(Object file, int image, int block) {}

  private static final TileCache SHARED = new TileCache(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));

  private final long capacityBytes;
  private long usedBytes;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

  TileCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /** The JVM-wide cache: 256 MiB, or an eighth of the maximum heap if that is smaller. */
  static TileCache shared() {
    return SHARED;
  }

  long capacityBytes() {
    return capacityBytes;
  }

  synchronized byte[] get(Key key) {
    return entries.get(key);
  }

  synchronized void put(Key key, byte[] block) {
    if (block.length > capacityBytes) {
      return;
    }
    byte[] previous = entries.put(key, block);
    usedBytes += block.length - (previous == null ? 0 : previous.length);
    var it = entries.entrySet().iterator();
    while (usedBytes > capacityBytes && it.hasNext()) {
      Map.Entry<Key, byte[]> eldest = it.next();
      usedBytes -= eldest.getValue().length;
      it.remove();
    }
  }

  /** Drops every block of a closed file. */
  synchronized void evictFile(Object file) {
    var it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, byte[]> e = it.next();
      if (e.getKey().file() == file) {
        usedBytes -= e.getValue().length;
        it.remove();
      }
    }
  }

  synchronized long usedBytes() {
    return usedBytes;
  }
}

package org.sylva.geo.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileCacheTest {

  @Test
  void evictsLeastRecentlyUsedBlocksBeyondItsCapacity() {
    TileCache cache = new TileCache(3000);
    Object file = new Object();
    TileCache.Key a = new TileCache.Key(file, 0, 1);
    TileCache.Key b = new TileCache.Key(file, 0, 2);
    TileCache.Key c = new TileCache.Key(file, 1, 1);
    cache.put(a, new byte[1000]);
    cache.put(b, new byte[1000]);
    cache.get(a); // a is now more recent than b
    cache.put(c, new byte[1500]);
    assertThat(cache.get(b)).isNull();
    assertThat(cache.get(a)).hasSize(1000);
    assertThat(cache.get(c)).hasSize(1500);
    assertThat(cache.usedBytes()).isEqualTo(2500);
    cache.put(new TileCache.Key(file, 2, 0), new byte[4000]); // larger than the whole cache: not kept
    assertThat(cache.usedBytes()).isEqualTo(2500);
    Object other = new Object();
    cache.put(new TileCache.Key(other, 0, 0), new byte[100]);
    cache.evictFile(file);
    assertThat(cache.usedBytes()).isEqualTo(100);
    assertThat(cache.get(a)).isNull();
  }
}

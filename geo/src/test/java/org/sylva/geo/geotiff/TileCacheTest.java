package org.sylva.geo.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileCacheTest {

  @Test
  void evictsLeastRecentlyUsedBlocksBeyondItsCapacity() {
    TileCache cache = new TileCache(3000);
    TileCache.Key a = new TileCache.Key(0, 1);
    TileCache.Key b = new TileCache.Key(0, 2);
    TileCache.Key c = new TileCache.Key(1, 1);
    cache.put(a, new byte[1000]);
    cache.put(b, new byte[1000]);
    cache.get(a); // a is now more recent than b
    cache.put(c, new byte[1500]);
    assertThat(cache.get(b)).isNull();
    assertThat(cache.get(a)).hasSize(1000);
    assertThat(cache.get(c)).hasSize(1500);
    assertThat(cache.usedBytes()).isEqualTo(2500);
    cache.put(new TileCache.Key(2, 0), new byte[4000]); // larger than the whole cache: not kept
    assertThat(cache.usedBytes()).isEqualTo(2500);
  }
}

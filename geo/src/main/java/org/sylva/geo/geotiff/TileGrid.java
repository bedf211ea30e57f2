package org.sylva.geo.geotiff;

import java.util.ArrayList;
import java.util.List;

/** The square tiles covering one pyramid level (full resolution or an overview). */
record TileGrid(int width, int height, int tileSize) {

  int across() {
    return (width + tileSize - 1) / tileSize;
  }

  int down() {
    return (height + tileSize - 1) / tileSize;
  }

  int count() {
    return across() * down();
  }

  int index(int tx, int ty) {
    return ty * across() + tx;
  }

  /** Width of the image inside tile column {@code tx} (smaller than the tile at the right edge). */
  int validWidth(int tx) {
    return Math.min(tileSize, width - tx * tileSize);
  }

  int validHeight(int ty) {
    return Math.min(tileSize, height - ty * tileSize);
  }

  /** The next level: half the size rounded down, as GDAL's COG driver sizes overviews (never below 1). */
  TileGrid half() {
    return new TileGrid(Math.max(1, width / 2), Math.max(1, height / 2), tileSize);
  }

  /**
   * Full resolution plus, when {@code overviews}, the halvings GDAL's COG driver makes: one level at a time
   * until the last level fits in a single tile.
   */
  static List<TileGrid> pyramid(int width, int height, int tileSize, boolean overviews) {
    List<TileGrid> levels = new ArrayList<>();
    TileGrid level = new TileGrid(width, height, tileSize);
    levels.add(level);
    while (overviews && (level.width() > tileSize || level.height() > tileSize)) {
      level = level.half();
      levels.add(level);
    }
    return levels;
  }
}

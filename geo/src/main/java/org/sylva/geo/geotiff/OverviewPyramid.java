package org.sylva.geo.geotiff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.Resampling;

/**
 * Builds overview tiles from the finished tiles of the level below, in whatever order they finish, with
 * GDAL's semantics: each level is computed from the previous one (sizes halved and rounded down, so the
 * ratio is 2 or slightly more); AVERAGE is the area-weighted mean of the valid source pixels under the
 * overview pixel (source pixels partially covered weigh by the covered fraction), rounded to nearest for
 * integer types; NEAREST takes the source pixel under the overview pixel's centre. Missing pixels (nodata or
 * NaN) do not count; all-missing areas give nodata.
 *
 * <p>An overview tile is computed once all the child tiles it covers are finished, always summing in the
 * same order, so the result does not depend on the order tiles finish. Child tiles are kept until every
 * overview tile that needs them is built: writing top-down keeps about three tile rows per level (two when
 * the level halves exactly). Not thread-safe (the writer serialises calls).
 */
final class OverviewPyramid {

  /** Receives every finished tile of levels ≥ 1. */
  interface Sink {
    void tileFinished(int level, int tx, int ty, float[][] samples);
  }

  private final List<TileGrid> levels;
  private final int bands;
  private final Resampling resampling;
  private final DataType dataType;
  private final float replacement;
  private final float nodata;
  private final boolean hasNodata;
  private final Sink sink;
  /** Per level k ≥ 1: how level-k pixels map onto level k-1 pixels, per axis. */
  private final Axis[] xAxis;
  private final Axis[] yAxis;
  /** Per level k ≥ 1: child tiles arrived per overview tile. */
  private final int[][] arrived;
  /** Per level k < last: finished tiles still needed by some overview tile, with their remaining users. */
  private final List<Map<Integer, Child>> kept;

  private static final class Child {
    final float[][] samples;
    int users;

    Child(float[][] samples, int users) {
      this.samples = samples;
      this.users = users;
    }
  }

  OverviewPyramid(List<TileGrid> levels, int bands, Resampling resampling, DataType dataType, Float nodata, Sink sink) {
    this.levels = levels;
    this.bands = bands;
    this.resampling = resampling;
    this.dataType = dataType;
    this.hasNodata = nodata != null;
    this.nodata = nodata == null ? Float.NaN : nodata;
    this.replacement = replacementFor(this.nodata, dataType);
    this.sink = sink;
    int n = levels.size();
    this.xAxis = new Axis[n];
    this.yAxis = new Axis[n];
    this.arrived = new int[n][];
    this.kept = new java.util.ArrayList<>();
    for (int k = 0; k < n; k++) {
      kept.add(new HashMap<>());
      if (k > 0) {
        TileGrid child = levels.get(k - 1);
        TileGrid parent = levels.get(k);
        xAxis[k] = new Axis(child.width(), parent.width(), parent.tileSize(), resampling);
        yAxis[k] = new Axis(child.height(), parent.height(), parent.tileSize(), resampling);
        arrived[k] = new int[parent.count()];
      }
    }
  }

  /** Tiles currently kept for overview building (for the memory bound). */
  int keptTiles() {
    return kept.stream().mapToInt(Map::size).sum();
  }

  /** A tile of {@code level} is complete: keep it for the overview tiles that need it and build those that can be. */
  void childFinished(int level, int tx, int ty, float[][] samples) {
    int k = level + 1;
    if (k >= levels.size()) {
      return;
    }
    Axis ax = xAxis[k];
    Axis ay = yAxis[k];
    TileGrid parent = levels.get(k);
    if (ay.lastParentTile[ty] < 0 || ax.lastParentTile[tx] < 0) {
      return; // no overview pixel samples this tile (possible with NEAREST)
    }
    int users = (ay.lastParentTile[ty] - ay.firstParentTile[ty] + 1) * (ax.lastParentTile[tx] - ax.firstParentTile[tx] + 1);
    kept.get(level).put(levels.get(level).index(tx, ty), new Child(samples, users));
    for (int py = ay.firstParentTile[ty]; py <= ay.lastParentTile[ty]; py++) {
      for (int px = ax.firstParentTile[tx]; px <= ax.lastParentTile[tx]; px++) {
        int p = parent.index(px, py);
        int needed = (ay.lastChildTile[py] - ay.firstChildTile[py] + 1) * (ax.lastChildTile[px] - ax.firstChildTile[px] + 1);
        if (++arrived[k][p] == needed) {
          build(k, px, py);
        }
      }
    }
  }

  private void build(int k, int px, int py) {
    TileGrid child = levels.get(k - 1);
    TileGrid parent = levels.get(k);
    Axis ax = xAxis[k];
    Axis ay = yAxis[k];
    int t = parent.tileSize();
    int cx0 = ax.firstChildTile[px];
    int cy0 = ay.firstChildTile[py];
    int nx = ax.lastChildTile[px] - cx0 + 1;
    int ny = ay.lastChildTile[py] - cy0 + 1;
    Map<Integer, Child> children = kept.get(k - 1);
    float[][][][] tiles = new float[ny][nx][][];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        tiles[j][i] = children.get(child.index(cx0 + i, cy0 + j)).samples;
      }
    }
    float[][] out = new float[bands][t * t];
    boolean exactHalving = child.width() == 2 * parent.width() && child.height() == 2 * parent.height();
    if (exactHalving && resampling == Resampling.AVERAGE) {
      // Each child tile fills one quadrant of the overview tile: no cross-tile indexing per pixel.
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          int cx = cx0 + i;
          int cy = cy0 + j;
          halve(tiles[j][i], child.validWidth(cx), child.validHeight(cy), t, out, (cx % 2) * (t / 2), (cy % 2) * (t / 2));
        }
      }
      release(k, cx0, cy0, nx, ny);
      sink.tileFinished(k, px, py, out);
      childFinished(k, px, py, out);
      return;
    }
    // GDAL's shortcut for an exact 2x2 halving without nodata sums in float, not double.
    boolean floatHalving = !hasNodata && dataType == DataType.FLOAT32 && exactHalving;
    int pw = parent.validWidth(px);
    int ph = parent.validHeight(py);
    for (int b = 0; b < bands; b++) {
      for (int j = 0; j < ph; j++) {
        int y = py * t + j;
        for (int i = 0; i < pw; i++) {
          int x = px * t + i;
          out[b][j * t + i] = resampling == Resampling.NEAREST
              ? sample(tiles, b, cx0, cy0, t, ax.nearest[x], ay.nearest[y])
              : floatHalving ? halveFloat(tiles, b, cx0, cy0, t, 2 * x, 2 * y)
              : average(tiles, b, cx0, cy0, t, ax, x, ay, y);
        }
      }
    }
    release(k, cx0, cy0, nx, ny);
    sink.tileFinished(k, px, py, out);
    childFinished(k, px, py, out);
  }

  /** The overview tile no longer needs these child tiles; forget those no other overview tile needs. */
  private void release(int k, int cx0, int cy0, int nx, int ny) {
    TileGrid child = levels.get(k - 1);
    Map<Integer, Child> children = kept.get(k - 1);
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int key = child.index(cx0 + i, cy0 + j);
        if (--children.get(key).users == 0) {
          children.remove(key);
        }
      }
    }
  }

  /**
   * Exact 2x2 AVERAGE of a child tile's valid area {@code cw × ch} into the overview tile at (ox, oy), with
   * the arithmetic of {@link #average} (and of GDAL): line sums a+b and c+d, then their sum, in double; or
   * GDAL's float shortcut when there is no nodata and the samples are float32. Edge blocks have fewer pixels.
   */
  private void halve(float[][] child, int cw, int ch, int t, float[][] parent, int ox, int oy) {
    boolean floatPath = !hasNodata && dataType == DataType.FLOAT32;
    int pw = cw / 2;
    int ph = ch / 2;
    for (int b = 0; b < bands; b++) {
      float[] src = child[b];
      float[] dst = parent[b];
      for (int j = 0; j < ph; j++) {
        int top = 2 * j * t;
        int bottom = top + t;
        int at = (oy + j) * t + ox;
        for (int i = 0; i < pw; i++) {
          float a = src[top + 2 * i];
          float bb = src[top + 2 * i + 1];
          float c = src[bottom + 2 * i];
          float d = src[bottom + 2 * i + 1];
          if (floatPath) {
            dst[at + i] = ((a + c) + (bb + d)) * 0.25f;
            continue;
          }
          double line0 = 0;
          double line1 = 0;
          int n0 = 0;
          int n1 = 0;
          if (!missing(a)) {
            line0 += a;
            n0++;
          }
          if (!missing(bb)) {
            line0 += bb;
            n0++;
          }
          if (!missing(c)) {
            line1 += c;
            n1++;
          }
          if (!missing(d)) {
            line1 += d;
            n1++;
          }
          dst[at + i] = n0 + n1 == 0 ? nodata : convert((line0 + line1) / (n0 + n1));
        }
      }
    }
  }

  private static float sample(float[][][][] tiles, int band, int cx0, int cy0, int t, int x, int y) {
    return tiles[y / t - cy0][x / t - cx0][band][(y % t) * t + (x % t)];
  }

  /** The mean of the 2x2 block at (x, y), summed in float and in the order of GDAL's SSE2 fast path. */
  private static float halveFloat(float[][][][] tiles, int band, int cx0, int cy0, int t, int x, int y) {
    float a = sample(tiles, band, cx0, cy0, t, x, y);
    float b = sample(tiles, band, cx0, cy0, t, x + 1, y);
    float c = sample(tiles, band, cx0, cy0, t, x, y + 1);
    float d = sample(tiles, band, cx0, cy0, t, x + 1, y + 1);
    return ((a + c) + (b + d)) * 0.25f;
  }

  /** GDAL's weighted average: weighted line sums, each weighted by its row's coverage. */
  private float average(float[][][][] tiles, int band, int cx0, int cy0, int t, Axis ax, int x, Axis ay, int y) {
    double total = 0;
    double totalWeight = 0;
    int count = 0;
    for (int m = ay.start[y], mEnd = ay.start[y + 1]; m < mEnd; m++) {
      float[][][] tileRow = tiles[ay.tile[m] - cy0];
      int rowOffset = ay.offset[m] * t;
      double line = 0;
      double lineWeight = 0;
      for (int n = ax.start[x], nEnd = ax.start[x + 1]; n < nEnd; n++) {
        float v = tileRow[ax.tile[n] - cx0][band][rowOffset + ax.offset[n]];
        if (!missing(v)) {
          line += v * ax.weight[n];
          lineWeight += ax.weight[n];
          count++;
        }
      }
      total += line * ay.weight[m];
      totalWeight += lineWeight * ay.weight[m];
    }
    if (count == 0) {
      return nodata;
    }
    return convert(total / totalWeight);
  }

  /** Stores a mean as the data type does (GDAL's rounding), avoiding the nodata value itself. */
  private float convert(double mean) {
    float value = switch (dataType) {
      case UINT8, UINT16 -> (float) Math.floor(mean + 0.5);
      case INT16 -> { // GDAL averages int16 in float32, then rounds half away from zero when storing
        float f = (float) mean;
        yield (float) (f >= 0 ? Math.floor(f + 0.5) : Math.ceil(f - 0.5));
      }
      default -> (float) mean;
    };
    return hasNodata && value == nodata ? replacement : value;
  }

  /** A value next to nodata, used when an average happens to equal nodata (as GDAL does). */
  private static float replacementFor(float nodata, DataType type) {
    if (Float.isNaN(nodata)) {
      return nodata;
    }
    if (type.isFloatingPoint()) {
      return nodata == Float.MAX_VALUE ? Math.nextDown(nodata) : Math.nextUp(nodata);
    }
    return nodata == (float) type.maxValue() ? nodata - 1 : nodata + 1;
  }

  private boolean missing(float v) {
    return Float.isNaN(v) || (hasNodata && v == nodata);
  }

  /**
   * How the pixels of one overview axis cover the previous level's pixels: for parent pixel i the source
   * interval is [i·r, (i+1)·r) with r = childSize / parentSize; each child pixel it touches weighs the length
   * covered. Also which child tiles each parent tile needs and the reverse.
   */
  private static final class Axis {
    final int[] start;
    final int[] index;
    /** Tile column/row and offset inside the tile of each contributing child pixel. */
    final int[] tile;
    final int[] offset;
    final double[] weight;
    final int[] nearest;
    final int[] firstChildTile;
    final int[] lastChildTile;
    final int[] firstParentTile;
    final int[] lastParentTile;

    Axis(int childSize, int parentSize, int tileSize, Resampling resampling) {
      double r = (double) childSize / parentSize;
      start = new int[parentSize + 1];
      nearest = new int[parentSize];
      int[] idx = new int[parentSize * 3 + 4];
      double[] w = new double[idx.length];
      int n = 0;
      int[] lo = new int[parentSize];
      int[] hi = new int[parentSize];
      for (int i = 0; i < parentSize; i++) {
        start[i] = n;
        // Source window as GDAL computes it: [n1, n2) with partial weights at both ends.
        double a = i * r;
        double b = (i + 1) * r;
        int n1 = (int) (a + 1e-8);
        int n2 = (int) Math.ceil(b - 1e-8);
        if (n2 == n1) {
          n2++;
        }
        n2 = Math.min(n2, childSize);
        if (idx.length < n + (n2 - n1)) {
          idx = java.util.Arrays.copyOf(idx, 2 * (n + n2 - n1));
          w = java.util.Arrays.copyOf(w, idx.length);
        }
        for (int s = n1; s < n2; s++) {
          idx[n] = s;
          w[n] = n2 == n1 + 1 ? 1.0 : s == n1 ? 1 - (a - n1) : s == n2 - 1 ? 1 - (n2 - b) : 1.0;
          n++;
        }
        nearest[i] = Math.min(childSize - 1, (int) ((i + 0.5) * r));
        boolean near = resampling == Resampling.NEAREST;
        lo[i] = near ? nearest[i] : n1;
        hi[i] = near ? nearest[i] : n2 - 1;
      }
      start[parentSize] = n;
      index = java.util.Arrays.copyOf(idx, n);
      weight = java.util.Arrays.copyOf(w, n);
      tile = new int[n];
      offset = new int[n];
      for (int m = 0; m < n; m++) {
        tile[m] = index[m] / tileSize;
        offset[m] = index[m] % tileSize;
      }
      int parentTiles = (parentSize + tileSize - 1) / tileSize;
      int childTiles = (childSize + tileSize - 1) / tileSize;
      firstChildTile = new int[parentTiles];
      lastChildTile = new int[parentTiles];
      firstParentTile = new int[childTiles];
      lastParentTile = new int[childTiles];
      java.util.Arrays.fill(firstParentTile, Integer.MAX_VALUE);
      java.util.Arrays.fill(lastParentTile, -1);
      for (int p = 0; p < parentTiles; p++) {
        int first = p * tileSize;
        int last = Math.min(parentSize, (p + 1) * tileSize) - 1;
        firstChildTile[p] = lo[first] / tileSize;
        lastChildTile[p] = hi[last] / tileSize;
        for (int c = firstChildTile[p]; c <= lastChildTile[p]; c++) {
          firstParentTile[c] = Math.min(firstParentTile[c], p);
          lastParentTile[c] = Math.max(lastParentTile[c], p);
        }
      }
    }
  }
}

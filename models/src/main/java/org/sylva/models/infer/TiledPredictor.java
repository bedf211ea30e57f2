package org.sylva.models.infer;

import java.util.Arrays;
import org.sylva.models.progress.ProgressBar;

/**
 * Applies a {@link TileModel} to a raster of any size in overlapping square tiles and blends the tiles with
 * {@link BlendWindow} weights (normalised by their sum), so predictions near tile edges, which lack
 * context, are faded out and no seam shows.
 *
 * <p>Tiles start at multiples of the stride {@code tile − overlap} from the raster origin; tiles reaching
 * past the right or bottom edge are padded with NaN (missing, which the model treats as the band mean) and
 * cropped. Tile size and stride must be multiples of the model's {@link TileModel#sizeMultiple()}, so every
 * tile shares the pooling grid of whole-image inference: with a model whose receptive field reaches less
 * than {@code margin} pixels, tiled and whole-image predictions agree away from the raster border.
 *
 * <p>Memory is bounded by one row of tiles: the input strip ({@code channels × tile × width}), an
 * accumulator of the same height per output band, and one batch of tiles. Rows are written to the sink
 * as soon as no later tile touches them. A pixel with NaN in any input band is NaN in every output band.
 */
public final class TiledPredictor {

  private final int tileSize;
  private final int overlap;
  private final int margin;
  private final int batchSize;
  private final String progressLabel;

  private TiledPredictor(Builder b) {
    this.tileSize = b.tileSize;
    this.overlap = b.overlap;
    this.margin = b.margin < 0 ? b.overlap / 4 : b.margin;
    this.batchSize = b.batchSize;
    this.progressLabel = b.progressLabel;
    if (tileSize < 1 || batchSize < 1) {
      throw new IllegalArgumentException("tile size and batch size must be >= 1, got " + tileSize + ", " + batchSize);
    }
    if (overlap < 0 || 2 * overlap > tileSize) {
      throw new IllegalArgumentException("overlap must be in [0, tile/2], got " + overlap + " for tile " + tileSize);
    }
    if (margin < 0 || 2 * margin > overlap) {
      throw new IllegalArgumentException("margin must be in [0, overlap/2], got " + margin + " for overlap " + overlap);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int tileSize() {
    return tileSize;
  }

  public int overlap() {
    return overlap;
  }

  public int margin() {
    return margin;
  }

  /** Predicts every pixel of {@code source} and writes full-width strips to {@code sink}, top to bottom. */
  public void predict(TileModel model, TileSource source, TileSink sink) {
    int width = source.width();
    int height = source.height();
    int channels = source.channels();
    if (channels != model.inputChannels()) {
      throw new IllegalArgumentException("source has " + channels + " bands, model expects " + model.inputChannels());
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("cannot predict an empty " + width + "x" + height + " raster");
    }
    int multiple = model.sizeMultiple();
    if (tileSize % multiple != 0 || (tileSize - overlap) % multiple != 0) {
      throw new IllegalArgumentException("tile size " + tileSize + " and stride " + (tileSize - overlap)
          + " must be multiples of " + multiple + " (the model's pooling grid)");
    }
    // A raster that fits in one tile is predicted in one tile just large enough: nothing to blend.
    int fitting = roundUp(Math.max(width, height), multiple);
    boolean single = fitting <= tileSize;
    int tile = single ? fitting : tileSize;
    int overlap = single ? 0 : this.overlap;
    int margin = single ? 0 : this.margin;
    int stride = tile - overlap;
    int columns = tiles(width, tile, stride);
    int rows = tiles(height, tile, stride);
    int outputs = model.outputChannels();
    float[][] columnWeights = new float[columns][];
    for (int c = 0; c < columns; c++) {
      columnWeights[c] = BlendWindow.weights(tile, overlap, margin, c > 0, c < columns - 1);
    }

    float[][] acc = new float[outputs][tile * width];
    float[] weightSum = new float[tile * width];
    float[] batch = new float[batchSize * channels * tile * tile];
    try (ProgressBar bar = ProgressBar.start(progressLabel, (long) rows * columns)) {
      for (int r = 0; r < rows; r++) {
        int y0 = r * stride;
        int stripRows = Math.min(tile, height - y0);
        float[][] strip = source.read(0, y0, width, stripRows);
        float[] rowWeights = BlendWindow.weights(tile, overlap, margin, r > 0, r < rows - 1);
        for (int first = 0; first < columns; first += batchSize) {
          int n = Math.min(batchSize, columns - first);
          for (int i = 0; i < n; i++) {
            copyTile(strip, stripRows, width, (first + i) * stride, tile, batch, i * channels * tile * tile);
          }
          float[] predicted = model.predict(n == batchSize ? batch : Arrays.copyOf(batch, n * channels * tile * tile), n, tile, tile);
          for (int i = 0; i < n; i++) {
            int c = first + i;
            accumulate(predicted, i, outputs, tile, c * stride, width, stripRows, rowWeights, columnWeights[c], acc, weightSum);
          }
          bar.step(n);
        }
        boolean last = r == rows - 1;
        int done = last ? stripRows : stride;
        sink.write(0, y0, width, done, finish(acc, weightSum, strip, width, done));
        shift(acc, weightSum, width, done, tile);
      }
    }
  }

  private static int tiles(int size, int tile, int stride) {
    return size <= tile ? 1 : (size - tile + stride - 1) / stride + 1;
  }

  private static int roundUp(int v, int multiple) {
    return (v + multiple - 1) / multiple * multiple;
  }

  /** Copies the tile at column {@code x0} of the strip into {@code batch}, NaN beyond the raster. */
  private static void copyTile(float[][] strip, int stripRows, int width, int x0, int tile, float[] batch, int offset) {
    int valid = Math.min(tile, width - x0);
    for (int b = 0; b < strip.length; b++) {
      int base = offset + b * tile * tile;
      for (int row = 0; row < tile; row++) {
        int dst = base + row * tile;
        if (row < stripRows) {
          System.arraycopy(strip[b], row * width + x0, batch, dst, valid);
          Arrays.fill(batch, dst + valid, dst + tile, Float.NaN);
        } else {
          Arrays.fill(batch, dst, dst + tile, Float.NaN);
        }
      }
    }
  }

  private static void accumulate(float[] predicted, int index, int outputs, int tile, int x0, int width, int stripRows,
      float[] rowWeights, float[] columnWeights, float[][] acc, float[] weightSum) {
    int valid = Math.min(tile, width - x0);
    for (int row = 0; row < stripRows; row++) {
      float wy = rowWeights[row];
      if (wy == 0) {
        continue;
      }
      int dstRow = row * width + x0;
      for (int col = 0; col < valid; col++) {
        float w = wy * columnWeights[col];
        if (w == 0) {
          continue;
        }
        weightSum[dstRow + col] += w;
        for (int k = 0; k < outputs; k++) {
          acc[k][dstRow + col] += w * predicted[((index * outputs + k) * tile + row) * tile + col];
        }
      }
    }
  }

  /** Output of the first {@code done} rows: weighted mean, NaN where any input band is NaN. */
  private static float[][] finish(float[][] acc, float[] weightSum, float[][] strip, int width, int done) {
    int pixels = done * width;
    float[][] out = new float[acc.length][pixels];
    for (int i = 0; i < pixels; i++) {
      boolean missing = weightSum[i] <= 0;
      for (int b = 0; b < strip.length && !missing; b++) {
        missing = Float.isNaN(strip[b][i]);
      }
      for (int k = 0; k < acc.length; k++) {
        out[k][i] = missing ? Float.NaN : acc[k][i] / weightSum[i];
      }
    }
    return out;
  }

  /** Moves rows {@code done..tile} of the accumulators to the top and clears the rest. */
  private static void shift(float[][] acc, float[] weightSum, int width, int done, int tile) {
    int keep = (tile - done) * width;
    for (float[] a : acc) {
      System.arraycopy(a, done * width, a, 0, keep);
      Arrays.fill(a, keep, a.length, 0f);
    }
    System.arraycopy(weightSum, done * width, weightSum, 0, keep);
    Arrays.fill(weightSum, keep, weightSum.length, 0f);
  }

  /** Builds a {@link TiledPredictor}; defaults: 256 px tiles, 32 px overlap, margin overlap/4, batches of 4 tiles. */
  public static final class Builder {
    private int tileSize = 256;
    private int overlap = 32;
    private int margin = -1;
    private int batchSize = 4;
    private String progressLabel = "predict";

    private Builder() {}

    public Builder tileSize(int tileSize) {
      this.tileSize = tileSize;
      return this;
    }

    public Builder overlap(int overlap) {
      this.overlap = overlap;
      return this;
    }

    /** Pixels at a shared tile edge that get zero weight (default overlap/4). */
    public Builder margin(int margin) {
      this.margin = margin;
      return this;
    }

    /** Tiles per model call. */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder progressLabel(String label) {
      this.progressLabel = label;
      return this;
    }

    public TiledPredictor build() {
      return new TiledPredictor(this);
    }
  }
}

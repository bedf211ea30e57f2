package org.sylva.geo.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Windowed reads of one image (full resolution or overview) of an open TIFF. Only the blocks intersecting
 * the window are read and decoded, in parallel on the common fork-join pool (plus the calling thread).
 * Small reads go through the file's {@link TileCache}, so overlapping windows decode shared blocks once.
 * Thread-safe: the channel is only used for positional reads and each thread decodes with its own buffers.
 */
final class ImageReader {

  private static final ThreadLocal<BlockLoader> LOADERS = ThreadLocal.withInitial(BlockLoader::new);

  private final Path file;
  private final FileChannel channel;
  private final ByteOrder order;
  private final TiffImage image;
  private final ImageStructure structure;
  private final RowDecoder rows;
  private final float fillValue;
  private final TileCache cache;
  private final Object owner;
  private final int imageIndex;

  ImageReader(Path file, FileChannel channel, ByteOrder order, TiffImage image, float fillValue, TileCache cache,
      Object owner, int imageIndex) {
    this.file = file;
    this.channel = channel;
    this.order = order;
    this.image = image;
    this.structure = image.structure();
    this.rows = new RowDecoder(structure, order);
    this.fillValue = fillValue;
    this.cache = cache;
    this.owner = owner;
    this.imageIndex = imageIndex;
  }

  ImageStructure structure() {
    return structure;
  }

  /** Reads the given bands (0-based) over a window; one float array per requested band. */
  float[][] read(PixelWindow window, int[] bands) throws IOException {
    check(window, bands);
    float[][] out = new float[bands.length][(int) window.pixelCount()];
    int bw = structure.blockWidth();
    int bh = structure.blockHeight();
    int bx0 = window.col() / bw;
    int bx1 = (window.endCol() - 1) / bw;
    int by0 = window.row() / bh;
    int by1 = (window.endRow() - 1) / bh;
    int across = bx1 - bx0 + 1;
    boolean planar = structure.interleave() == Interleave.BAND;
    int perBlock = planar ? bands.length : 1;
    int tasks = across * (by1 - by0 + 1) * perBlock;
    // Reads larger than a quarter of the cache (whole-band reads) would only flush it: they bypass it.
    boolean useCache = (long) tasks * rows.rowBytes() * structure.blockHeight() <= cache.capacityBytes() / 4;
    IntStream indices = IntStream.range(0, tasks);
    if (tasks > 1) {
      indices = indices.parallel();
    }
    try {
      indices.forEach(t -> {
        int block = t / perBlock;
        int bx = bx0 + block % across;
        int by = by0 + block / across;
        try {
          if (planar) {
            int k = t % perBlock;
            decodeBlock(window, bx, by, bands[k], new int[] {0}, new float[][] {out[k]}, useCache);
          } else {
            decodeBlock(window, bx, by, 0, bands, out, useCache);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof ClosedChannelException) {
        throw new RasterFormatException(file, "the reader is closed");
      }
      throw e.getCause();
    }
    return out;
  }

  /** Decodes block (bx, by) of band plane {@code plane}, copying samples {@code samples} into {@code dest}. */
  private void decodeBlock(PixelWindow window, int bx, int by, int plane, int[] samples, float[][] dest, boolean useCache)
      throws IOException {
    int bw = structure.blockWidth();
    int bh = structure.blockHeight();
    int c0 = Math.max(window.col(), bx * bw);
    int c1 = Math.min(window.endCol(), (bx + 1) * bw);
    int r0 = Math.max(window.row(), by * bh);
    int r1 = Math.min(window.endRow(), (by + 1) * bh);
    int block = image.blockIndex(bx, by, plane);
    if (image.byteCount(block) == 0) {
      // Sparse block (GDAL SPARSE_OK): nothing stored, every pixel is nodata.
      for (float[] d : dest) {
        for (int r = r0; r < r1; r++) {
          int at = (r - window.row()) * window.width() + (c0 - window.col());
          Arrays.fill(d, at, at + (c1 - c0), fillValue);
        }
      }
      return;
    }
    int rowBytes = rows.rowBytes();
    int storedRows = image.storedRows(by);
    TileCache.Key key = new TileCache.Key(owner, imageIndex, block);
    byte[] raw = useCache ? cache.get(key) : null;
    boolean predicted = raw == null;
    if (raw == null) {
      raw = LOADERS.get().load(channel, file, image, block, rowBytes * storedRows, order);
      if (useCache) {
        // Cache the whole block decoded: undo the predictor on every row, then keep a private copy.
        for (int r = 0; r < storedRows; r++) {
          rows.unpredict(raw, r * rowBytes);
        }
        raw = java.util.Arrays.copyOf(raw, rowBytes * storedRows);
        cache.put(key, raw);
        predicted = false;
      }
    }
    for (int r = r0; r < r1; r++) {
      int start = (r - by * bh) * rowBytes;
      if (predicted) {
        rows.unpredict(raw, start);
      }
      int destAt = (r - window.row()) * window.width() + (c0 - window.col());
      for (int k = 0; k < samples.length; k++) {
        rows.copySamples(raw, start, samples[k], c0 - bx * bw, c1 - bx * bw, dest[k], destAt);
      }
    }
  }

  private void check(PixelWindow window, int[] bands) throws RasterFormatException {
    if (!window.fitsIn(structure.width(), structure.height())) {
      throw new RasterFormatException(file, window + " is outside the " + structure.width() + "x"
          + structure.height() + " raster");
    }
    if (window.pixelCount() > Integer.MAX_VALUE - 8) {
      throw new RasterFormatException(file, window + " has more than 2^31 pixels; read it in smaller windows");
    }
    for (int b : bands) {
      if (b < 0 || b >= structure.bands()) {
        throw new RasterFormatException(file, "band index " + b + " is out of range: the file has "
            + structure.bands() + (structure.bands() == 1 ? " band (index 0)" : " bands (0-" + (structure.bands() - 1) + ")"));
      }
    }
  }
}

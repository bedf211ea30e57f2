package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterBlock;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Writes a Cloud-Optimized GeoTIFF from windows given in any order (each pixel of each band exactly once).
 * A tile is compressed as soon as all its pixels arrived, on {@link GeoTiffProfile#threads()} worker
 * threads, and spooled to a temporary file beside the target; overview tiles are built from finished tiles
 * on the fly. {@link #commit()} lays the file out as GDAL's COG driver does ({@link CogAssembler}) into a
 * temporary file and moves it into place atomically. Closing without commit, or any failure, leaves no
 * output (and removes the temporary files). Same grid, profile and pixels ⇒ byte-identical file, whatever
 * the window order or thread scheduling.
 *
 * <p>Memory bound (float32 per sample, {@code tileSize² × bands × 4} bytes per tile): the tiles that have
 * received some but not all of their pixels; at most {@code 2 × threads} tiles waiting for compression; and,
 * for overview building, finished tiles kept until the overview tiles above them are built (two tile rows
 * per level, three where a level's size is odd). Writing top-down in rows of tiles (as {@link GeoTiff#copy}
 * does) therefore holds about 100 MB for a 10980-pixel-wide float32 band with 512 tiles, whatever its height.
 * Random window order can hold up to all tiles whose overview tiles are not complete.
 *
 * <p>Not thread-safe for writes: calls are serialised ({@code synchronized}); compression runs in parallel.
 */
public final class GeoTiffWriter implements AutoCloseable {

  private final Path target;
  private final GridGeometry grid;
  private final GeoTiffProfile profile;
  private final List<TileGrid> levels;
  private final Path spoolPath;
  private final TileSpool spool;
  private final OverviewPyramid pyramid;
  private final ExecutorService workers;
  private final Semaphore inFlight;
  private final ThreadLocal<TileEncoder> encoders;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Map<Integer, OpenTile> open = new HashMap<>();
  private final BitSet finished;
  private boolean closed;
  private boolean committed;

  /** A full-resolution tile that has received some of its pixels. */
  private static final class OpenTile {
    final float[][] samples;
    final BitSet[] written;
    long remaining;

    OpenTile(int bands, int tileSize, long pixels) {
      samples = new float[bands][tileSize * tileSize];
      written = new BitSet[bands];
      for (int b = 0; b < bands; b++) {
        written[b] = new BitSet(tileSize * tileSize);
      }
      remaining = pixels * bands;
    }
  }

  GeoTiffWriter(Path target, GridGeometry grid, GeoTiffProfile profile) throws IOException {
    this.target = target.toAbsolutePath();
    this.grid = grid;
    this.profile = profile;
    GeoKeys.encode(grid.crs()); // fail now, not at commit, if the CRS cannot be written
    this.levels = TileGrid.pyramid(grid.width(), grid.height(), profile.tileSize(), profile.overviews());
    this.spoolPath = AtomicOutput.temporarySibling(this.target, ".tiles");
    this.spool = new TileSpool(spoolPath, levels);
    this.finished = new BitSet(levels.get(0).count());
    Float nodata = profile.nodata().isPresent() ? (float) profile.nodata().getAsDouble() : null;
    this.pyramid = new OverviewPyramid(levels, profile.bandCount(), profile.overviewResampling(),
        profile.dataType(), nodata, this::submit);
    AtomicInteger threadNumber = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(profile.threads(), r -> {
      Thread t = new Thread(r, "sylva-cog-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(2 * profile.threads());
    this.encoders = ThreadLocal.withInitial(() -> new TileEncoder(profile));
  }

  public Path target() {
    return target;
  }

  public GridGeometry grid() {
    return grid;
  }

  public GeoTiffProfile profile() {
    return profile;
  }

  /** Writes one band (0-based) over a window; {@code samples} is row-major, {@code window.pixelCount()} long. */
  public synchronized void write(PixelWindow window, int band, float[] samples) throws IOException {
    ensureOpen();
    if (band < 0 || band >= profile.bandCount()) {
      throw new IllegalArgumentException(target + ": band index " + band + " is out of range (0-" + (profile.bandCount() - 1) + ")");
    }
    if (!window.fitsIn(grid.width(), grid.height())) {
      throw new IllegalArgumentException(target + ": " + window + " is outside the " + grid.width() + "x" + grid.height() + " grid");
    }
    if (samples.length != window.pixelCount()) {
      throw new IllegalArgumentException(target + ": " + samples.length + " samples for " + window);
    }
    if (!profile.dataType().isFloatingPoint() && profile.nodata().isEmpty()) {
      for (float v : samples) {
        if (Float.isNaN(v)) {
          throw new IllegalArgumentException(target + ": NaN sample in band " + band + " of a " + profile.dataType()
              + " raster without nodata");
        }
      }
    }
    TileGrid g = levels.get(0);
    int t = g.tileSize();
    for (int ty = window.row() / t; ty <= (window.endRow() - 1) / t; ty++) {
      for (int tx = window.col() / t; tx <= (window.endCol() - 1) / t; tx++) {
        copyIntoTile(window, band, samples, tx, ty);
      }
    }
    rethrowFailure();
  }

  /** Writes all bands of a block whose grid is a window of this writer's grid (same CRS and pixel size). */
  public void write(RasterBlock block) throws IOException {
    PixelWindow window = windowOf(block.grid());
    for (int b = 0; b < block.bandCount(); b++) {
      write(window, b, block.band(b));
    }
  }

  /** Writes all bands over a window, one array per band. */
  public void write(PixelWindow window, float[][] bands) throws IOException {
    if (bands.length != profile.bandCount()) {
      throw new IllegalArgumentException(target + ": " + bands.length + " bands given, the profile has " + profile.bandCount());
    }
    for (int b = 0; b < bands.length; b++) {
      write(window, b, bands[b]);
    }
  }

  /**
   * Finishes the file: waits for compression, writes the COG layout to a temporary file and moves it onto the
   * target. Fails (leaving no output) if any pixel was never written.
   */
  public synchronized void commit() throws IOException {
    ensureOpen();
    try {
      long missingTiles = levels.get(0).count() - finished.cardinality();
      if (missingTiles > 0) {
        long missing = open.values().stream().mapToLong(o -> o.remaining).sum()
            + (missingTiles - open.size()) * (long) profile.tileSize() * profile.tileSize() * profile.bandCount();
        throw new RasterFormatException(target, "cannot commit: " + missingTiles + " of " + levels.get(0).count()
            + " tiles are incomplete (about " + missing + " samples never written)");
      }
      workers.shutdown();
      awaitWorkers();
      rethrowFailure();
      AtomicOutput.write(target, temporary -> new CogAssembler(grid, profile, levels, spool).write(temporary));
      committed = true;
    } finally {
      close();
    }
  }

  /** Discards everything unless {@link #commit()} succeeded; never leaves a partial file at the target. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    workers.shutdownNow();
    try {
      awaitWorkers();
    } finally {
      open.clear();
      spool.close();
    }
  }

  public boolean isCommitted() {
    return committed;
  }

  private void copyIntoTile(PixelWindow window, int band, float[] samples, int tx, int ty) {
    TileGrid g = levels.get(0);
    int t = g.tileSize();
    int key = g.index(tx, ty);
    if (finished.get(key)) {
      throw new IllegalArgumentException(target + ": " + window + " writes pixels of tile (" + tx + ", " + ty
          + ") that was already complete (each pixel must be written once)");
    }
    OpenTile tile = open.computeIfAbsent(key, k -> new OpenTile(profile.bandCount(), t, (long) g.validWidth(tx) * g.validHeight(ty)));
    int c0 = Math.max(window.col(), tx * t);
    int c1 = Math.min(window.endCol(), (tx + 1) * t);
    int r0 = Math.max(window.row(), ty * t);
    int r1 = Math.min(window.endRow(), (ty + 1) * t);
    int n = c1 - c0;
    BitSet written = tile.written[band];
    for (int r = r0; r < r1; r++) {
      int at = (r - ty * t) * t + (c0 - tx * t);
      if (written.nextSetBit(at) >= 0 && written.nextSetBit(at) < at + n) {
        throw new IllegalArgumentException(target + ": " + window + " writes pixel (" + (tx * t + written.nextSetBit(at) % t)
            + ", " + r + ") of band " + band + " a second time");
      }
      written.set(at, at + n);
      System.arraycopy(samples, (r - window.row()) * window.width() + (c0 - window.col()), tile.samples[band], at, n);
    }
    tile.remaining -= (long) n * (r1 - r0);
    if (tile.remaining == 0) {
      open.remove(key);
      finished.set(key);
      submit(0, tx, ty, tile.samples);
      pyramid.childFinished(0, tx, ty, tile.samples);
    }
  }

  /** Queues a finished tile for compression; blocks while 2 × threads tiles are already queued. */
  private void submit(int level, int tx, int ty, float[][] samples) {
    int index = levels.get(level).index(tx, ty);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + target, e);
    }
    workers.execute(() -> {
      try {
        if (failure.get() == null) {
          spool.put(level, index, encoders.get().encode(samples));
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  private void awaitWorkers() throws IOException {
    try {
      if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IOException(target + ": compression did not finish within an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + target, e);
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable e = failure.get();
    if (e instanceof IOException io) {
      throw new RasterFormatException(target, "writing failed: " + io.getMessage(), io);
    }
    if (e != null) {
      throw new IllegalStateException(target + ": compression failed: " + e, e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(target + ": the writer is " + (committed ? "committed" : "closed"));
    }
  }

  private PixelWindow windowOf(GridGeometry sub) {
    double col = grid.transform().col(sub.transform().originX(), sub.transform().originY());
    double row = grid.transform().row(sub.transform().originX(), sub.transform().originY());
    int c = (int) Math.round(col);
    int r = (int) Math.round(row);
    boolean aligned = Math.abs(col - c) < 1e-6 && Math.abs(row - r) < 1e-6
        && close(sub.transform().pixelWidth(), grid.transform().pixelWidth())
        && close(sub.transform().pixelHeight(), grid.transform().pixelHeight())
        && close(sub.transform().rowRotation(), grid.transform().rowRotation())
        && close(sub.transform().colRotation(), grid.transform().colRotation())
        && org.apache.sis.util.Utilities.equalsIgnoreMetadata(sub.crs(), grid.crs());
    PixelWindow w = aligned ? new PixelWindow(c, r, sub.width(), sub.height()) : null;
    if (w == null || !w.fitsIn(grid.width(), grid.height())) {
      throw new IllegalArgumentException(target + ": block grid " + sub + " is not a window of " + grid);
    }
    return w;
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }

}

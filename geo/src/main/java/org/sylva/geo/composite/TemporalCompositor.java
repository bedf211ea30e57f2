package org.sylva.geo.composite;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterBlock;

/**
 * Per-pixel temporal composites (mean, median and the count of valid observations) of the observations in
 * a date range, on a target grid, tile by tile.
 *
 * <p>Memory bound: a worker holds, for one tile of T×T pixels and N observations, the N validity masks
 * (N·T² bytes), one band of every observation (4·N·T² bytes) and the finished tile (4·(S·B+1)·T² bytes for
 * S statistics of B bands): for T = 512, N = 12, B = 10, S = 2 that is 3 + 12.6 + 21 ≈ 37 MB, plus what
 * the sampler reads (a source window per band). Peak ≈ threads × that bound; nothing scales with the grid.
 *
 * <p>Tiles are processed in parallel by {@code threads} workers (observations must be thread-safe; the
 * in-memory and GeoTIFF sources are). Each tile's result does not depend on the thread or the order, so
 * output is deterministic. Pixels without a valid observation are NaN in every statistic band and 0 in
 * {@code count}; a run in which no pixel has an observation (all-cloud stack) gives a warning, not an error.
 */
public final class TemporalCompositor {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalCompositor.class);

  public static final int DEFAULT_TILE_SIZE = 512;
  public static final String COUNT_BAND = "count";

  private final GridGeometry grid;
  private final Instant start;
  private final Instant end;
  private final int tileSize;
  private final int threads;
  private final Set<CompositeStatistic> statistics;
  private final CompositeFinisher finisher;
  private final String description;

  private TemporalCompositor(Builder b) {
    this.grid = Objects.requireNonNull(b.grid, "grid");
    this.start = b.start;
    this.end = b.end;
    this.tileSize = b.tileSize;
    this.threads = b.threads;
    this.statistics = EnumSet.copyOf(b.statistics);
    this.finisher = b.finisher;
    this.description = b.description;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The observations whose time lies in {@code [start, end)}. */
  public List<Observation> inRange(List<Observation> observations) {
    return observations.stream()
        .filter(o -> (start == null || !o.time().isBefore(start)) && (end == null || o.time().isBefore(end)))
        .toList();
  }

  /** The output band names for observations with these band names. */
  public List<String> outputBands(List<String> observationBands) {
    List<String> names = new ArrayList<>(finisher.bandNames(statisticBands(observationBands)));
    names.add(COUNT_BAND);
    return names;
  }

  /** Composites {@code observations} (those outside the date range are skipped) into {@code sink}. */
  public CompositeReport run(List<Observation> observations, CompositeSink sink, ProgressListener progress)
      throws IOException {
    List<Observation> used = inRange(observations);
    List<String> inputBands = used.isEmpty() ? List.of() : used.get(0).bandNames();
    for (Observation o : used) {
      if (!o.bandNames().equals(inputBands)) {
        throw new IOException(o.id() + ": bands " + o.bandNames() + " differ from " + used.get(0).id() + "'s " + inputBands);
      }
    }
    List<String> warnings = new ArrayList<>();
    if (used.isEmpty()) {
      throw new IOException("no observation between " + (start == null ? "-inf" : start) + " and "
          + (end == null ? "+inf" : end) + " (" + observations.size() + " given)");
    }
    CompositeLayout layout = new CompositeLayout(grid, outputBands(inputBands), tileSize, description);
    List<PixelWindow> tiles = tiles();
    AtomicLong done = new AtomicLong();
    AtomicLong empty = new AtomicLong();
    sink.begin(layout);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tiles.size())), r -> {
      Thread t = new Thread(r, "composite-tile");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (PixelWindow window : tiles) {
        futures.add(pool.submit(() -> {
          RasterBlock block = compositeTile(used, inputBands, layout, window, empty);
          synchronized (sink) {
            sink.write(block);
          }
          progress.progress(done.incrementAndGet(), tiles.size(), window.toString());
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      long pixels = grid.pixelCount();
      if (empty.get() == pixels) {
        warnings.add("no valid observation for any pixel (all-cloud or all-nodata stack of " + used.size()
            + " observations): the composite is entirely nodata");
      } else if (empty.get() > 0) {
        warnings.add(empty.get() + " of " + pixels + " pixels have no valid observation (nodata)");
      }
      warnings.forEach(w -> LOG.warn("{}: {}", description, w));
      CompositeReport report = new CompositeReport(used.size(), tiles.size(), pixels, empty.get(), warnings);
      sink.commit(report);
      return report;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.abort();
      throw new IOException("interrupted while compositing " + description, e);
    } catch (ExecutionException e) {
      sink.abort();
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(description + ": " + cause.getMessage(), cause);
    } catch (IOException | RuntimeException e) {
      sink.abort();
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<PixelWindow> tiles() {
    List<PixelWindow> tiles = new ArrayList<>();
    for (int row = 0; row < grid.height(); row += tileSize) {
      for (int col = 0; col < grid.width(); col += tileSize) {
        tiles.add(new PixelWindow(col, row, Math.min(tileSize, grid.width() - col), Math.min(tileSize, grid.height() - row)));
      }
    }
    return tiles;
  }

  private List<String> statisticBands(List<String> inputBands) {
    List<String> names = new ArrayList<>();
    for (String band : inputBands) {
      for (CompositeStatistic s : statistics) {
        names.add(band + "_" + s.suffix());
      }
    }
    return names;
  }

  private RasterBlock compositeTile(List<Observation> used, List<String> inputBands, CompositeLayout layout,
      PixelWindow window, AtomicLong emptyPixels) throws IOException {
    GridGeometry tileGrid = grid.window(window);
    int pixels = window.width() * window.height();
    int n = used.size();
    ObservationTile[] tiles = new ObservationTile[n];
    boolean[][] valid = new boolean[n][];
    float[] count = new float[pixels];
    for (int o = 0; o < n; o++) {
      tiles[o] = used.get(o).read(tileGrid);
      valid[o] = tiles[o].valid();
      for (int p = 0; p < pixels; p++) {
        if (valid[o][p]) {
          count[p]++;
        }
      }
    }
    long empty = 0;
    for (float c : count) {
      if (c == 0) {
        empty++;
      }
    }
    emptyPixels.addAndGet(empty);
    float[][] stats = new float[inputBands.size() * statistics.size()][];
    float[][] stack = new float[n][];
    float[] scratch = new float[n];
    int out = 0;
    for (int b = 0; b < inputBands.size(); b++) {
      for (int o = 0; o < n; o++) {
        stack[o] = tiles[o].band(b);
      }
      float[] mean = statistics.contains(CompositeStatistic.MEAN) ? new float[pixels] : null;
      float[] median = statistics.contains(CompositeStatistic.MEDIAN) ? new float[pixels] : null;
      for (int p = 0; p < pixels; p++) {
        int k = 0;
        double sum = 0;
        for (int o = 0; o < n; o++) {
          float v = stack[o][p];
          if (valid[o][p] && !Float.isNaN(v)) {
            scratch[k++] = v;
            sum += v;
          }
        }
        if (mean != null) {
          mean[p] = k == 0 ? Float.NaN : (float) (sum / k);
        }
        if (median != null) {
          median[p] = median(scratch, k);
        }
      }
      for (CompositeStatistic s : statistics) {
        stats[out++] = s == CompositeStatistic.MEAN ? mean : median;
      }
    }
    float[][] finished = finisher.finish(statisticBands(inputBands), stats);
    float[][] bands = Arrays.copyOf(finished, finished.length + 1);
    bands[finished.length] = count;
    return new RasterBlock(tileGrid, DataType.FLOAT32, layout.bandNames(), java.util.OptionalDouble.of(Double.NaN), bands);
  }

  /** Median of the first {@code k} values (sorted in place); NaN when k = 0. */
  static float median(float[] values, int k) {
    if (k == 0) {
      return Float.NaN;
    }
    Arrays.sort(values, 0, k);
    return k % 2 == 1 ? values[k / 2] : (float) (((double) values[k / 2 - 1] + values[k / 2]) / 2);
  }

  /** Options with defaults: 512-pixel tiles, mean and median, as many threads as processors, no date limits. */
  public static final class Builder {
    private GridGeometry grid;
    private Instant start;
    private Instant end;
    private int tileSize = DEFAULT_TILE_SIZE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Set<CompositeStatistic> statistics = EnumSet.allOf(CompositeStatistic.class);
    private CompositeFinisher finisher = CompositeFinisher.IDENTITY;
    private String description = "composite";

    public Builder grid(GridGeometry value) {
      grid = value;
      return this;
    }

    /** Observations at or after {@code startInclusive} and before {@code endExclusive}; null for open ends. */
    public Builder dateRange(Instant startInclusive, Instant endExclusive) {
      if (startInclusive != null && endExclusive != null && !startInclusive.isBefore(endExclusive)) {
        throw new IllegalArgumentException("empty date range " + startInclusive + " .. " + endExclusive);
      }
      start = startInclusive;
      end = endExclusive;
      return this;
    }

    public Builder tileSize(int value) {
      if (value < 16) {
        throw new IllegalArgumentException("tile size must be at least 16 pixels, got " + value);
      }
      tileSize = value;
      return this;
    }

    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + value);
      }
      threads = value;
      return this;
    }

    public Builder statistics(Set<CompositeStatistic> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("at least one statistic is needed");
      }
      statistics = EnumSet.copyOf(value);
      return this;
    }

    public Builder finisher(CompositeFinisher value) {
      finisher = value;
      return this;
    }

    /** Name used in messages and raster metadata, e.g. "Sentinel-2 L2A 2023 composite". */
    public Builder description(String value) {
      description = value;
      return this;
    }

    public TemporalCompositor build() {
      return new TemporalCompositor(this);
    }
  }
}

package org.sylva.geo.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sylva.geo.composite.CompositeStatistic;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.sentinel1.BackscatterScale;
import org.sylva.geo.sentinel2.SclMask;
import org.sylva.geo.sentinel2.Sentinel2Band;

/**
 * How a scene is ingested. Defaults ({@link #defaults()}):
 * <ul>
 *   <li>Sentinel-2: the ten 10/20 m bands; <b>median</b> as the primary statistic (bands {@code B02 … B12,
 *       B8A}): the median ignores the residual clouds, haze and shadows that SCL misses, which bias a mean
 *       upwards (clouds) or downwards (shadows) even after masking; the mean is also written ({@code B04_mean});
 *       SCL classes 0, 1, 3, 8, 9, 10, 11 masked; BOA offset from each item's metadata.</li>
 *   <li>Sentinel-1: <b>mean</b> of linear power as the primary statistic (bands {@code VV, VH, VV_VH} in dB):
 *       averaging power is the multi-temporal speckle filter (unbiased, its variance falls as 1/N), while
 *       the median of speckled power sits ~0.3 dB below it for 4-look data; the median is also written
 *       ({@code VV_median}); the VV/VH ratio band on; scale (linear or dB) from metadata, else the values.</li>
 *   <li>GEDI: the literature filters of {@link GediFilterOptions#defaults()} (their date range is separate
 *       from the composites'; an AOI defaults to the target grid); footprints burnt as 25 m discs: a GEDI
 *       waveform measures the canopy of the whole ~25 m footprint (about 5 pixels of 10 m), so the disc uses
 *       all the pixels it describes, where the centre pixel alone would depend on sub-pixel geolocation.</li>
 *   <li>256-pixel tiles (also the COG tiles of the outputs), as many threads as processors: a 21-band float32
 *       tile is 5.5 MB, so the compositing of 12 dates over 2000² pixels runs in a 384 MB heap (512-pixel
 *       tiles, 22 MB each, need more than that and are not faster).</li>
 * </ul>
 *
 * @param secondaryStatistics also write the other statistic of each sensor, as suffixed bands
 */
public record IngestOptions(
    List<Sentinel2Band> sentinel2Bands,
    CompositeStatistic sentinel2Statistic,
    CompositeStatistic sentinel1Statistic,
    boolean secondaryStatistics,
    Set<Integer> sclMaskedClasses,
    Optional<Double> boaOffsetDn,
    Optional<BackscatterScale> sentinel1Scale,
    boolean vvVhRatio,
    GediFilterOptions gediFilters,
    FootprintRasterizer.Shape rasterization,
    int tileSize,
    int threads) {

  public IngestOptions {
    sentinel2Bands = List.copyOf(sentinel2Bands);
    if (sentinel2Bands.isEmpty() || sentinel2Bands.contains(Sentinel2Band.SCL)) {
      throw new IllegalArgumentException("Sentinel-2 bands must be reflectance bands (not SCL), at least one: " + sentinel2Bands);
    }
    Objects.requireNonNull(sentinel2Statistic, "sentinel2Statistic");
    Objects.requireNonNull(sentinel1Statistic, "sentinel1Statistic");
    sclMaskedClasses = java.util.Collections.unmodifiableSet(new TreeSet<>(sclMaskedClasses));
    new SclMask(sclMaskedClasses); // validates the classes
    Objects.requireNonNull(boaOffsetDn, "boaOffsetDn");
    Objects.requireNonNull(sentinel1Scale, "sentinel1Scale");
    Objects.requireNonNull(gediFilters, "gediFilters");
    Objects.requireNonNull(rasterization, "rasterization");
    if (tileSize < 16 || tileSize % 16 != 0 || tileSize > 4096) {
      throw new IllegalArgumentException("tile size must be a multiple of 16 between 16 and 4096, got " + tileSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  public static final int DEFAULT_TILE_SIZE = 256;

  public static IngestOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The statistics of a sensor: its primary statistic first, then the other one when secondary statistics are on. */
  List<CompositeStatistic> statistics(CompositeStatistic primary) {
    if (!secondaryStatistics) {
      return List.of(primary);
    }
    return primary == CompositeStatistic.MEDIAN ? List.of(CompositeStatistic.MEDIAN, CompositeStatistic.MEAN)
        : List.of(CompositeStatistic.MEAN, CompositeStatistic.MEDIAN);
  }

  /** Mutable builder preset with the defaults. */
  public static final class Builder {
    private List<Sentinel2Band> sentinel2Bands = Sentinel2Band.REFLECTANCE;
    private CompositeStatistic sentinel2Statistic = CompositeStatistic.MEDIAN;
    private CompositeStatistic sentinel1Statistic = CompositeStatistic.MEAN;
    private boolean secondaryStatistics = true;
    private Set<Integer> sclMaskedClasses = SclMask.DEFAULT_MASKED;
    private Double boaOffsetDn;
    private BackscatterScale sentinel1Scale;
    private boolean vvVhRatio = true;
    private GediFilterOptions gediFilters = GediFilterOptions.defaults();
    private FootprintRasterizer.Shape rasterization = FootprintRasterizer.Shape.DISC;
    private int tileSize = DEFAULT_TILE_SIZE;
    private int threads = Runtime.getRuntime().availableProcessors();

    public Builder sentinel2Bands(List<Sentinel2Band> value) {
      sentinel2Bands = value;
      return this;
    }

    public Builder sentinel2Statistic(CompositeStatistic value) {
      sentinel2Statistic = value;
      return this;
    }

    public Builder sentinel1Statistic(CompositeStatistic value) {
      sentinel1Statistic = value;
      return this;
    }

    public Builder secondaryStatistics(boolean value) {
      secondaryStatistics = value;
      return this;
    }

    public Builder sclMaskedClasses(Set<Integer> value) {
      sclMaskedClasses = value;
      return this;
    }

    /** Forces the Sentinel-2 BOA offset (DN; −1000 for baseline ≥ 04.00 data, 0 before) for every item. */
    public Builder boaOffsetDn(double value) {
      boaOffsetDn = value;
      return this;
    }

    /** Forces the Sentinel-1 scale (linear power or dB) instead of detecting it. */
    public Builder sentinel1Scale(BackscatterScale value) {
      sentinel1Scale = value;
      return this;
    }

    public Builder vvVhRatio(boolean value) {
      vvVhRatio = value;
      return this;
    }

    public Builder gediFilters(GediFilterOptions value) {
      gediFilters = value;
      return this;
    }

    public Builder rasterization(FootprintRasterizer.Shape value) {
      rasterization = value;
      return this;
    }

    public Builder tileSize(int value) {
      tileSize = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public IngestOptions build() {
      return new IngestOptions(sentinel2Bands, sentinel2Statistic, sentinel1Statistic, secondaryStatistics,
          sclMaskedClasses, Optional.ofNullable(boaOffsetDn), Optional.ofNullable(sentinel1Scale), vvVhRatio,
          gediFilters, rasterization, tileSize, threads);
    }
  }
}

package org.sylva.geo.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sylva.geo.raster.GridGeometry;

/**
 * What to ingest: the source, the target grid, the composites' date range and the options.
 *
 * <p>Target grid, first that applies: {@code targetGrid} as given; else {@code aoi} at {@code resolution}
 * (edges snapped outwards to multiples of the resolution); else derived from the Sentinel-2 items: the CRS,
 * pixel size and pixel lattice of the first item's 10 m bands, covering the union of all items in the date
 * range. The grid must be in a projected CRS in metres (GEDI footprints are burnt as metric discs).
 *
 * @param start first instant of the composites' date range (inclusive), empty for no limit
 * @param end end of the composites' date range (exclusive), empty for no limit
 */
public record IngestRequest(IngestSource source, Optional<GridGeometry> targetGrid, Optional<AreaOfInterest> aoi,
    double resolution, Optional<Instant> start, Optional<Instant> end, IngestOptions options) {

  public static final double DEFAULT_RESOLUTION = 10;

  public IngestRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(targetGrid, "targetGrid");
    Objects.requireNonNull(aoi, "aoi");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(options, "options");
    if (!(resolution > 0)) {
      throw new IllegalArgumentException("resolution must be positive, got " + resolution);
    }
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      throw new IllegalArgumentException("empty date range " + start.get() + " .. " + end.get());
    }
  }

  /** A request with the default grid (from the Sentinel-2 items), no date limits and the default options. */
  public static IngestRequest of(IngestSource source) {
    return builder(source).build();
  }

  public static Builder builder(IngestSource source) {
    return new Builder(source);
  }

  /** The same request on a fixed grid (e.g. the grid {@link SceneIngest#targetGrid} resolved once). */
  public IngestRequest withTargetGrid(GridGeometry grid) {
    return new IngestRequest(source, Optional.of(grid), aoi, resolution, start, end, options);
  }

  /** Whether an acquisition time lies in the date range. */
  public boolean inDateRange(Instant time) {
    return start.map(s -> !time.isBefore(s)).orElse(true) && end.map(time::isBefore).orElse(true);
  }

  /** Mutable builder. */
  public static final class Builder {
    private final IngestSource source;
    private GridGeometry targetGrid;
    private AreaOfInterest aoi;
    private double resolution = DEFAULT_RESOLUTION;
    private Instant start;
    private Instant end;
    private IngestOptions options = IngestOptions.defaults();

    private Builder(IngestSource source) {
      this.source = source;
    }

    public Builder targetGrid(GridGeometry value) {
      targetGrid = value;
      return this;
    }

    public Builder aoi(AreaOfInterest value) {
      aoi = value;
      return this;
    }

    public Builder resolution(double metres) {
      resolution = metres;
      return this;
    }

    /** Composites use acquisitions at or after {@code startInclusive} and before {@code endExclusive} (null: open). */
    public Builder dateRange(Instant startInclusive, Instant endExclusive) {
      start = startInclusive;
      end = endExclusive;
      return this;
    }

    public Builder options(IngestOptions value) {
      options = value;
      return this;
    }

    public IngestRequest build() {
      return new IngestRequest(source, Optional.ofNullable(targetGrid), Optional.ofNullable(aoi), resolution,
          Optional.ofNullable(start), Optional.ofNullable(end), options);
    }
  }
}

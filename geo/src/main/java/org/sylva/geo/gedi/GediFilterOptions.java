package org.sylva.geo.gedi;

import java.time.Instant;
import java.util.Optional;

/**
 * Which GEDI L2A shots to keep. Defaults follow the canopy-height literature using GEDI as training
 * data (e.g. Lang et al. 2022, Schwartz et al. 2023): {@code quality_flag = 1}, {@code degrade_flag = 0},
 * {@code sensitivity ≥ 0.95} (0.98 is a stricter common choice over dense forest), leaf-on shots only,
 * both power and coverage beams. The date range is half-open {@code [start, end)} in UTC.
 */
public record GediFilterOptions(
    boolean requireQualityFlag,
    boolean excludeDegraded,
    double minSensitivity,
    boolean leafOnOnly,
    boolean powerBeamsOnly,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<GediAoi> aoi) {

  public static final double DEFAULT_MIN_SENSITIVITY = 0.95;
  public static final double STRICT_MIN_SENSITIVITY = 0.98;

  public GediFilterOptions {
    if (!(minSensitivity >= 0 && minSensitivity <= 1)) {
      throw new IllegalArgumentException("minimum sensitivity must be in [0, 1], got " + minSensitivity);
    }
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      throw new IllegalArgumentException("date range is empty: " + start.get() + " .. " + end.get());
    }
  }

  public static GediFilterOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the literature defaults preset. */
  public static final class Builder {
    private boolean requireQualityFlag = true;
    private boolean excludeDegraded = true;
    private double minSensitivity = DEFAULT_MIN_SENSITIVITY;
    private boolean leafOnOnly = true;
    private boolean powerBeamsOnly;
    private Instant start;
    private Instant end;
    private GediAoi aoi;

    public Builder requireQualityFlag(boolean value) {
      requireQualityFlag = value;
      return this;
    }

    public Builder excludeDegraded(boolean value) {
      excludeDegraded = value;
      return this;
    }

    public Builder minSensitivity(double value) {
      minSensitivity = value;
      return this;
    }

    public Builder leafOnOnly(boolean value) {
      leafOnOnly = value;
      return this;
    }

    public Builder powerBeamsOnly(boolean value) {
      powerBeamsOnly = value;
      return this;
    }

    /** Keeps shots at or after {@code startInclusive} and before {@code endExclusive}; null for open ends. */
    public Builder dateRange(Instant startInclusive, Instant endExclusive) {
      start = startInclusive;
      end = endExclusive;
      return this;
    }

    public Builder aoi(GediAoi value) {
      aoi = value;
      return this;
    }

    public GediFilterOptions build() {
      return new GediFilterOptions(requireQualityFlag, excludeDegraded, minSensitivity, leafOnOnly, powerBeamsOnly,
          Optional.ofNullable(start), Optional.ofNullable(end), Optional.ofNullable(aoi));
    }
  }
}

package org.sylva.models.tsc.data;

/** How series of unequal length are brought to the dataset's common (longest) length. */
public enum LengthPolicy {
  /**
   * Linear interpolation of each series onto the common number of points spanning its own first to last
   * sample, as dl-4-tsc's {@code transform_to_same_length} does for the multivariate archive (which uses
   * cubic interpolation; linear cannot overshoot) and sktime's {@code TSInterpolator}. The default.
   */
  RESAMPLE,
  /** Zeros appended after the last sample, as sktime's {@code PaddingTransformer} (after z-normalisation 0 is the mean). */
  PAD_ZEROS
}

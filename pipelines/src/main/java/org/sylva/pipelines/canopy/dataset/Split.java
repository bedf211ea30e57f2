package org.sylva.pipelines.canopy.dataset;

import java.util.Locale;

/** The three disjoint parts of the patch dataset. */
public enum Split {
  /** Patches the networks learn from. */
  TRAIN,
  /** Patches that choose the epoch (early stopping) and the best variant. */
  VALIDATION,
  /** Held-out patches that only the final metrics see. */
  TEST;

  /** The lower-case name stored in tables ({@code train}, {@code validation}, {@code test}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Split ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}

package org.sylva.models.tsc.synthetic;

import java.util.List;
import java.util.Random;

/**
 * A published generator of a synthetic univariate classification problem: draws one series of a given
 * class. All randomness comes from the {@link Random} passed in ({@code java.util.Random}: its algorithm is
 * fixed by the Java specification, so a seed gives the same series on every JVM).
 */
public interface SeriesGenerator {

  /** Human-readable class names in class-index order, e.g. cylinder, bell, funnel. */
  List<String> classNames();

  /** Length of every generated series. */
  int length();

  default int classCount() {
    return classNames().size();
  }

  /** One series of class {@code classIndex} (0-based), {@link #length()} values. */
  double[] generate(int classIndex, Random random);
}

package org.sylva.pipelines.pinn;

import java.util.Locale;

/**
 * Training budgets for {@code --profile}: the network of Raissi et al. (8 × 20 tanh) in every profile,
 * with more collocation points and optimiser steps as the profile grows.
 */
public enum PinnProfile {
  /** Smoke runs and tests: well under a minute per configuration. */
  QUICK(20, 4, 2000, 100, 300, 400),
  /** {@code ./sylva pinn} without options: a few minutes for Burgers on 2 cores. */
  DEFAULT(20, 8, 5000, 200, 500, 3000),
  /** Literature-grade accuracy: 10 000 points, long L-BFGS (Burgers measured 9.6e-4 in 30 min on a busy 2-core machine). */
  LONG(20, 8, 10000, 300, 1000, 5000);

  final int width;
  final int depth;
  final int collocation;
  final int conditionPoints;
  final int adamSteps;
  final int lbfgsIterations;

  PinnProfile(int width, int depth, int collocation, int conditionPoints, int adamSteps, int lbfgsIterations) {
    this.width = width;
    this.depth = depth;
    this.collocation = collocation;
    this.conditionPoints = conditionPoints;
    this.adamSteps = adamSteps;
    this.lbfgsIterations = lbfgsIterations;
  }

  public static PinnProfile parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown profile '" + name + "'; use quick, default or long");
    }
  }
}

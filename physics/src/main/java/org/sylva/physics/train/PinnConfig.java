package org.sylva.physics.train;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One PINN training configuration: network shape, collocation design, loss weights, optimiser schedule
 * (Adam steps, then L-BFGS iterations) and seed. Serializable so pipelines can ship it to workers.
 *
 * @param width neurons per hidden layer
 * @param depth hidden layers
 * @param collocationPoints residual points in the domain
 * @param conditionPoints points per boundary/initial condition, split evenly between its faces
 * @param weights loss weight by term name ({@code residual}, {@code initial}, {@code boundary}); missing
 *     terms weigh 1, and the key {@code conditions} sets every condition term at once
 * @param adamSteps Adam steps before L-BFGS
 * @param learningRate Adam learning rate
 * @param lbfgsIterations L-BFGS iterations after Adam (0 = Adam only)
 * @param lbfgsHistory L-BFGS correction pairs
 * @param sampling collocation design
 * @param seed seed for the design and the initial weights
 * @param timeBudgetSeconds stop after this wall time (0 = no limit); the best reached so far is kept
 */
public record PinnConfig(
    int width,
    int depth,
    int collocationPoints,
    int conditionPoints,
    Map<String, Double> weights,
    int adamSteps,
    double learningRate,
    int lbfgsIterations,
    int lbfgsHistory,
    Sampling sampling,
    long seed,
    double timeBudgetSeconds) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Key of {@link #weights} that applies to every condition term without its own weight. */
  public static final String CONDITIONS = "conditions";

  public PinnConfig {
    weights = new TreeMap<>(weights == null ? Map.of() : weights);
    require(width >= 1 && width <= 4096, "width must be in [1, 4096], got " + width);
    require(depth >= 1 && depth <= 64, "depth must be in [1, 64], got " + depth);
    require(collocationPoints >= 1, "collocation points must be >= 1, got " + collocationPoints);
    require(conditionPoints >= 1, "condition points must be >= 1, got " + conditionPoints);
    require(adamSteps >= 0 && lbfgsIterations >= 0 && adamSteps + lbfgsIterations > 0,
        "need Adam steps and/or L-BFGS iterations (>= 0, not both 0), got " + adamSteps + " and " + lbfgsIterations);
    require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
    require(lbfgsHistory >= 1, "L-BFGS history must be >= 1, got " + lbfgsHistory);
    require(timeBudgetSeconds >= 0, "time budget must be >= 0 s, got " + timeBudgetSeconds);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      require(w.getValue() != null && w.getValue() >= 0 && Double.isFinite(w.getValue()),
          "loss weight " + w.getKey() + " must be a finite number >= 0, got " + w.getValue());
    }
  }

  /** The configuration of Raissi et al. for Burgers: 8 × 20 tanh, Adam then L-BFGS. */
  public static PinnConfig defaults() {
    return new PinnConfig(20, 8, 10_000, 200, Map.of(), 2000, 1e-3, 4000, 50, Sampling.LATIN_HYPERCUBE, 42, 0);
  }

  /** Weight of a loss term. */
  public double weight(String term) {
    Double w = weights.get(term);
    if (w == null && !term.equals(org.sylva.physics.pde.PdeProblem.RESIDUAL_TERM)) {
      w = weights.get(CONDITIONS);
    }
    return w == null ? 1 : w;
  }

  public PinnConfig withShape(int newWidth, int newDepth) {
    return new PinnConfig(newWidth, newDepth, collocationPoints, conditionPoints, weights, adamSteps, learningRate,
        lbfgsIterations, lbfgsHistory, sampling, seed, timeBudgetSeconds);
  }

  public PinnConfig withPoints(int collocation, int condition) {
    return new PinnConfig(width, depth, collocation, condition, weights, adamSteps, learningRate, lbfgsIterations,
        lbfgsHistory, sampling, seed, timeBudgetSeconds);
  }

  public PinnConfig withSchedule(int adam, double rate, int lbfgs) {
    return new PinnConfig(width, depth, collocationPoints, conditionPoints, weights, adam, rate, lbfgs, lbfgsHistory,
        sampling, seed, timeBudgetSeconds);
  }

  public PinnConfig withWeights(Map<String, Double> newWeights) {
    return new PinnConfig(width, depth, collocationPoints, conditionPoints, newWeights, adamSteps, learningRate,
        lbfgsIterations, lbfgsHistory, sampling, seed, timeBudgetSeconds);
  }

  public PinnConfig withSeed(long newSeed) {
    return new PinnConfig(width, depth, collocationPoints, conditionPoints, weights, adamSteps, learningRate,
        lbfgsIterations, lbfgsHistory, sampling, newSeed, timeBudgetSeconds);
  }

  public PinnConfig withSampling(Sampling newSampling) {
    return new PinnConfig(width, depth, collocationPoints, conditionPoints, weights, adamSteps, learningRate,
        lbfgsIterations, lbfgsHistory, newSampling, seed, timeBudgetSeconds);
  }

  public PinnConfig withTimeBudget(double seconds) {
    return new PinnConfig(width, depth, collocationPoints, conditionPoints, weights, adamSteps, learningRate,
        lbfgsIterations, lbfgsHistory, sampling, seed, seconds);
  }

  /** Short label for tables and file names, e.g. {@code w20-d8-n10000-s42}. */
  public String label() {
    StringBuilder s = new StringBuilder("w" + width + "-d" + depth + "-n" + collocationPoints);
    weights.forEach((k, v) -> {
      if (v != 1) {
        s.append('-').append(k).append(fmt(v));
      }
    });
    return s.append("-s").append(seed).toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}

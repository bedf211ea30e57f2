package org.sylva.models.train;

/**
 * Stops training when a monitored metric has not improved by more than {@code minDelta} for
 * {@code patience} epochs, and remembers the best epoch (whose weights the loop restores). The state is a
 * value so checkpoints can store it.
 *
 * @param higherIsBetter direction of the metric
 * @param patience epochs without improvement before stopping; 0 disables stopping
 * @param minDelta smallest change counted as an improvement
 * @param best best value so far (NaN before the first epoch)
 * @param bestEpoch epoch of {@code best} (-1 before the first epoch)
 * @param epochsSinceBest epochs since {@code bestEpoch}
 */
public record EarlyStopping(boolean higherIsBetter, int patience, double minDelta, double best, int bestEpoch,
    int epochsSinceBest) {

  public static EarlyStopping start(boolean higherIsBetter, int patience, double minDelta) {
    return new EarlyStopping(higherIsBetter, patience, minDelta, Double.NaN, -1, 0);
  }

  /** The state after {@code epoch} scored {@code value}; a NaN score never counts as an improvement. */
  public EarlyStopping record(int epoch, double value) {
    boolean improved = !Double.isNaN(value)
        && (bestEpoch < 0 || Double.isNaN(best) || (higherIsBetter ? value > best + minDelta : value < best - minDelta));
    return improved
        ? new EarlyStopping(higherIsBetter, patience, minDelta, value, epoch, 0)
        : new EarlyStopping(higherIsBetter, patience, minDelta, best, bestEpoch, epochsSinceBest + 1);
  }

  /** Whether the last recorded epoch became the best one. */
  public boolean improvedLast() {
    return bestEpoch >= 0 && epochsSinceBest == 0;
  }

  public boolean shouldStop() {
    return patience > 0 && epochsSinceBest >= patience;
  }
}

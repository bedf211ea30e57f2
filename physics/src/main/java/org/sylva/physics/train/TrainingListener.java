package org.sylva.physics.train;

import java.util.Locale;
import java.util.Map;
import org.sylva.models.progress.ProgressBar;

/** Hears every training step (Adam step or L-BFGS iteration): progress bars, logs. */
@FunctionalInterface
public interface TrainingListener {

  TrainingListener NONE = (step, planned, phase, loss, terms) -> { };

  void onStep(int step, int plannedSteps, String phase, double loss, Map<String, Double> terms);

  /** Advances {@code bar} by one per step with the loss terms as its status. */
  static TrainingListener progress(ProgressBar bar) {
    return (step, planned, phase, loss, terms) -> {
      StringBuilder status = new StringBuilder(String.format(Locale.ROOT, "%s loss %.3e", phase, loss));
      terms.forEach((k, v) -> status.append(String.format(Locale.ROOT, " %s %.2e", k, v)));
      bar.step(1, status.toString());
    };
  }
}

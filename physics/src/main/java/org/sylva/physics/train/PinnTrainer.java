package org.sylva.physics.train;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sylva.physics.nn.TanhMlp;
import org.sylva.physics.optim.Adam;
import org.sylva.physics.optim.Lbfgs;
import org.sylva.physics.optim.Objective;
import org.sylva.physics.pde.PdeProblem;

/**
 * Trains a PINN for any {@link PdeProblem}: a tanh MLP with Xavier initialisation on the problem's box,
 * fixed seeded collocation points, Adam for {@code adamSteps} then L-BFGS (strong Wolfe) for
 * {@code lbfgsIterations}. Every evaluation is checked: a NaN or infinite loss term stops training with
 * the step and the term. Derivatives come from forward-mode propagation ({@link TanhMlp#jet}).
 * Deterministic for a given configuration on a given machine and thread count.
 */
public final class PinnTrainer {

  /** Loss history rows kept per training at most (thinned evenly; CSV and plot stay small). */
  static final int HISTORY_ROWS = 2000;

  private PinnTrainer() {}

  public static TrainingResult train(PdeProblem problem, PinnConfig config, TrainingListener listener) {
    checkWeights(problem, config);
    TanhMlp net = TanhMlp.builder().width(config.width()).depth(config.depth())
        .inputBox(problem.domain().lower(), problem.domain().upper()).build();
    double[] theta = net.initialParameters(config.seed());
    int planned = config.adamSteps() + config.lbfgsIterations();
    int every = Math.max(1, planned / HISTORY_ROWS);
    LossHistory history = new LossHistory(problem.lossTerms());
    long start = System.nanoTime();
    long deadline = config.timeBudgetSeconds() > 0 ? start + (long) (config.timeBudgetSeconds() * 1e9) : Long.MAX_VALUE;
    try (NDManager manager = NDManager.newBaseManager();
        PinnObjective objective = new PinnObjective(problem, net, config, manager)) {
      Guard guard = new Guard(problem.name(), objective);
      int evaluations = 0;
      int adamSteps = 0;
      String stop = "completed";
      Adam adam = new Adam(theta.length, config.learningRate());
      guard.phase = "Adam";
      for (int step = 1; step <= config.adamSteps(); step++) {
        guard.step = step;
        Objective.Point p = guard.evaluate(theta);
        evaluations++;
        adamSteps = step;
        record(history, step, "adam", start, p, every, step == config.adamSteps());
        listener.onStep(step, planned, "adam", p.value(), terms(p));
        adam.step(theta, p.gradient());
        if (System.nanoTime() > deadline) {
          stop = "time budget";
          break;
        }
      }
      double adamSeconds = (System.nanoTime() - start) / 1e9;
      int lbfgsIterations = 0;
      if (config.lbfgsIterations() > 0 && System.nanoTime() <= deadline) {
        int offset = adamSteps;
        guard.phase = "L-BFGS";
        guard.step = offset + 1;
        Lbfgs lbfgs = new Lbfgs(config.lbfgsIterations(), config.lbfgsHistory(), 1e-9, 1e-12);
        Lbfgs.Result r = lbfgs.minimize(guard, theta, (iteration, p) -> {
          int step = offset + iteration;
          guard.step = step + 1;
          record(history, step, "lbfgs", start, p, every, false);
          listener.onStep(step, planned, "lbfgs", p.value(), terms(p));
          return System.nanoTime() <= deadline;
        });
        theta = r.x();
        lbfgsIterations = r.iterations();
        evaluations += r.evaluations();
        stop = switch (r.stop()) {
          case LISTENER -> "time budget";
          case MAX_ITERATIONS -> "completed";
          default -> "L-BFGS converged (" + r.stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        };
      }
      double totalSeconds = (System.nanoTime() - start) / 1e9;
      guard.phase = "final";
      Objective.Point last = guard.evaluate(theta);
      record(history, adamSteps + lbfgsIterations, "final", start, last, 1, true);
      return new TrainingResult(net, theta, history, adamSteps, lbfgsIterations, evaluations, adamSeconds,
          totalSeconds - adamSeconds, last.value(), terms(last), stop);
    }
  }

  private static void record(LossHistory history, int step, String phase, long start, Objective.Point p, int every,
      boolean always) {
    if (always || step % every == 0 || step == 1) {
      history.add(step, phase, (System.nanoTime() - start) / 1e9, p.value(), terms(p));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> terms(Objective.Point p) {
    return (Map<String, Double>) p.details();
  }

  private static void checkWeights(PdeProblem problem, PinnConfig config) {
    Set<String> known = new TreeSet<>(problem.lossTerms());
    known.add(PinnConfig.CONDITIONS);
    for (String term : config.weights().keySet()) {
      if (!known.contains(term)) {
        throw new IllegalArgumentException(problem.name() + ": loss weight for unknown term '" + term + "'; terms: "
            + String.join(", ", known));
      }
    }
  }

  /** Stops training at the first non-finite loss term, naming the step and the term. */
  private static final class Guard implements Objective {
    private final String problem;
    private final Objective objective;
    private String phase = "";
    private int step;

    Guard(String problem, Objective objective) {
      this.problem = problem;
      this.objective = objective;
    }

    @Override
    public Point evaluate(double[] x) {
      Point p = objective.evaluate(x);
      for (Map.Entry<String, Double> term : terms(p).entrySet()) {
        if (!Double.isFinite(term.getValue())) {
          throw new TrainingDivergedException(problem, step, phase, term.getKey(), term.getValue());
        }
      }
      if (!Double.isFinite(p.value())) {
        throw new TrainingDivergedException(problem, step, phase, "total", p.value());
      }
      return p;
    }
  }
}

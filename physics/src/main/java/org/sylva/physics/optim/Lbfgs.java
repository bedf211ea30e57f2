package org.sylva.physics.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS on a flat parameter vector with a strong-Wolfe line search (cubic interpolation,
 * bracketing then zoom; Nocedal &amp; Wright, Algorithms 3.5–3.6), following the control flow of PyTorch's
 * {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")} so the two are comparable step for step.
 * DJL has no L-BFGS; the vector arithmetic is double precision whatever the precision of the objective.
 */
public final class Lbfgs {

  /** Called after every accepted iteration; return false to stop (time budget, cancellation). */
  @FunctionalInterface
  public interface IterationListener {
    boolean onIteration(int iteration, Objective.Point accepted);
  }

  /** Why the optimisation ended. */
  public enum Stop { MAX_ITERATIONS, GRADIENT_TOLERANCE, NO_PROGRESS, NOT_A_DESCENT_DIRECTION, LISTENER }

  /** Final iterate, its value and bookkeeping. */
  public record Result(double[] x, Objective.Point point, int iterations, int evaluations, Stop stop) {}

  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_SEARCH = 25;

  private final int maxIterations;
  private final int history;
  private final double gradientTolerance;
  private final double changeTolerance;

  /**
   * @param maxIterations iterations (each one line search of 1–25 evaluations)
   * @param history number of correction pairs kept
   * @param gradientTolerance stop when max |g_i| falls below
   * @param changeTolerance stop when the step (max |Δx_i|) or the loss change falls below
   */
  public Lbfgs(int maxIterations, int history, double gradientTolerance, double changeTolerance) {
    if (maxIterations < 0 || history < 1) {
      throw new IllegalArgumentException("L-BFGS needs iterations >= 0 and history >= 1");
    }
    this.maxIterations = maxIterations;
    this.history = history;
    this.gradientTolerance = gradientTolerance;
    this.changeTolerance = changeTolerance;
  }

  public Result minimize(Objective f, double[] start, IterationListener listener) {
    double[] x = start.clone();
    Objective.Point current = f.evaluate(x);
    int evaluations = 1;
    if (maxAbs(current.gradient()) <= gradientTolerance) {
      return new Result(x, current, 0, evaluations, Stop.GRADIENT_TOLERANCE);
    }
    Deque<double[]> ys = new ArrayDeque<>();
    Deque<double[]> ss = new ArrayDeque<>();
    Deque<Double> rhos = new ArrayDeque<>();
    double hDiag = 1;
    double[] d = null;
    double t = 0;
    double[] previousGradient = null;
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      double[] g = current.gradient();
      if (iteration == 1) {
        d = scaled(g, -1);
      } else {
        double[] y = minus(g, previousGradient);
        double[] s = scaled(d, t);
        double ys1 = dot(y, s);
        if (ys1 > 1e-10) {
          if (ys.size() == history) {
            ys.removeFirst();
            ss.removeFirst();
            rhos.removeFirst();
          }
          ys.addLast(y);
          ss.addLast(s);
          rhos.addLast(1 / ys1);
          hDiag = ys1 / dot(y, y);
        }
        d = twoLoop(g, ys, ss, rhos, hDiag);
      }
      previousGradient = g.clone();
      double previousValue = current.value();
      t = iteration == 1 ? Math.min(1, 1 / sumAbs(g)) : 1;
      double gtd = dot(g, d);
      if (gtd > -changeTolerance) {
        return new Result(x, current, iteration - 1, evaluations, Stop.NOT_A_DESCENT_DIRECTION);
      }
      LineSearch ls = strongWolfe(f, x, t, d, current, gtd);
      evaluations += ls.evaluations;
      t = ls.step;
      for (int i = 0; i < x.length; i++) {
        x[i] += t * d[i];
      }
      current = ls.point;
      if (!listener.onIteration(iteration, current)) {
        return new Result(x, current, iteration, evaluations, Stop.LISTENER);
      }
      if (maxAbs(current.gradient()) <= gradientTolerance) {
        return new Result(x, current, iteration, evaluations, Stop.GRADIENT_TOLERANCE);
      }
      if (maxAbs(d) * Math.abs(t) <= changeTolerance || Math.abs(current.value() - previousValue) < changeTolerance) {
        return new Result(x, current, iteration, evaluations, Stop.NO_PROGRESS);
      }
    }
    return new Result(x, current, maxIterations, evaluations, Stop.MAX_ITERATIONS);
  }

  private static double[] twoLoop(double[] g, Deque<double[]> ys, Deque<double[]> ss, Deque<Double> rhos, double hDiag) {
    int k = ys.size();
    double[][] y = ys.toArray(new double[0][]);
    double[][] s = ss.toArray(new double[0][]);
    double[] rho = new double[k];
    Iterator<Double> it = rhos.iterator();
    for (int i = 0; i < k; i++) {
      rho[i] = it.next();
    }
    double[] q = scaled(g, -1);
    double[] alpha = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      alpha[i] = dot(s[i], q) * rho[i];
      axpy(-alpha[i], y[i], q);
    }
    double[] r = scaled(q, hDiag);
    for (int i = 0; i < k; i++) {
      double beta = dot(y[i], r) * rho[i];
      axpy(alpha[i] - beta, s[i], r);
    }
    return r;
  }

  private record LineSearch(double step, Objective.Point point, int evaluations) {}

  private static LineSearch strongWolfe(Objective f, double[] x, double t, double[] d, Objective.Point start, double gtd) {
    double dNorm = maxAbs(d);
    double f0 = start.value();
    Objective.Point newPoint = f.evaluate(along(x, t, d));
    int evaluations = 1;
    double gtdNew = dot(newPoint.gradient(), d);
    double tPrev = 0;
    Objective.Point prev = start;
    double gtdPrev = gtd;
    boolean done = false;
    int iter = 0;
    double[] bracket;
    Objective.Point[] bracketPoint;
    double[] bracketGtd;
    while (true) {
      if (iter >= MAX_LINE_SEARCH) {
        bracket = new double[] {0, t};
        bracketPoint = new Objective.Point[] {start, newPoint};
        bracketGtd = new double[] {gtd, gtdNew};
        break;
      }
      if (newPoint.value() > f0 + C1 * t * gtd || (iter > 1 && newPoint.value() >= prev.value())) {
        bracket = new double[] {tPrev, t};
        bracketPoint = new Objective.Point[] {prev, newPoint};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      if (Math.abs(gtdNew) <= -C2 * gtd) {
        bracket = new double[] {t};
        bracketPoint = new Objective.Point[] {newPoint};
        bracketGtd = new double[] {gtdNew};
        done = true;
        break;
      }
      if (gtdNew >= 0) {
        bracket = new double[] {tPrev, t};
        bracketPoint = new Objective.Point[] {prev, newPoint};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double tmp = t;
      t = cubicInterpolate(tPrev, prev.value(), gtdPrev, t, newPoint.value(), gtdNew, minStep, maxStep);
      tPrev = tmp;
      prev = newPoint;
      gtdPrev = gtdNew;
      newPoint = f.evaluate(along(x, t, d));
      evaluations++;
      gtdNew = dot(newPoint.gradient(), d);
      iter++;
    }
    if (done) {
      return new LineSearch(bracket[0], bracketPoint[0], evaluations);
    }
    boolean insufficientProgress = false;
    int low = bracketPoint[0].value() <= bracketPoint[1].value() ? 0 : 1;
    int high = 1 - low;
    while (!done && iter < MAX_LINE_SEARCH) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < 1e-9) {
        break;
      }
      t = cubicInterpolate(bracket[0], bracketPoint[0].value(), bracketGtd[0], bracket[1], bracketPoint[1].value(),
          bracketGtd[1], Math.min(bracket[0], bracket[1]), Math.max(bracket[0], bracket[1]));
      double hi = Math.max(bracket[0], bracket[1]);
      double lo = Math.min(bracket[0], bracket[1]);
      double eps = 0.1 * (hi - lo);
      if (Math.min(hi - t, t - lo) < eps) {
        if (insufficientProgress || t >= hi || t <= lo) {
          t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      newPoint = f.evaluate(along(x, t, d));
      evaluations++;
      gtdNew = dot(newPoint.gradient(), d);
      iter++;
      if (newPoint.value() > f0 + C1 * t * gtd || newPoint.value() >= bracketPoint[low].value()) {
        bracket[high] = t;
        bracketPoint[high] = newPoint;
        bracketGtd[high] = gtdNew;
        low = bracketPoint[0].value() <= bracketPoint[1].value() ? 0 : 1;
        high = 1 - low;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          done = true;
        } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
          bracket[high] = bracket[low];
          bracketPoint[high] = bracketPoint[low];
          bracketGtd[high] = bracketGtd[low];
        }
        bracket[low] = t;
        bracketPoint[low] = newPoint;
        bracketGtd[low] = gtdNew;
      }
    }
    return new LineSearch(bracket[low], bracketPoint[low], evaluations);
  }

  /** Minimiser of the cubic through (x1, f1, g1), (x2, f2, g2), clamped to [lo, hi]; the midpoint if none. */
  static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos = x1 <= x2
          ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
          : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      return Math.min(Math.max(minPos, lo), hi);
    }
    return (lo + hi) / 2;
  }

  private static double[] along(double[] x, double t, double[] d) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + t * d[i];
    }
    return y;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] scaled(double[] v, double a) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = a * v[i];
    }
    return r;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] - b[i];
    }
    return r;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double a : v) {
      m = Math.max(m, Math.abs(a));
    }
    return m;
  }

  private static double sumAbs(double[] v) {
    double s = 0;
    for (double a : v) {
      s += Math.abs(a);
    }
    return s;
  }
}

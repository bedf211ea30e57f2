package org.sylva.physics.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.sylva.models.plot.Charts;
import org.sylva.models.plot.Colormap;
import org.sylva.physics.nn.Autograd;
import org.sylva.physics.nn.TanhMlp;
import org.sylva.physics.pde.PdeProblem;

/**
 * A trained network and the reference solution on a problem's {@link EvaluationGrid}: the relative L2
 * error {@code ‖u_pinn − u_ref‖₂ / ‖u_ref‖₂} the sweep reports, and the PNG fields of solution, reference
 * and error.
 */
public record SolutionField(EvaluationGrid grid, float[] predicted, float[] reference) {

  private static final int BATCH = 8192;

  /** Evaluates network and reference on the problem's grid. */
  public static SolutionField evaluate(PdeProblem problem, TanhMlp net, double[] theta) {
    EvaluationGrid grid = EvaluationGrid.of(problem);
    double[][] points = grid.points();
    return new SolutionField(grid, predict(net, theta, points), reference(problem, points));
  }

  /** Network output at points (domain coordinates), without gradient recording. */
  public static float[] predict(TanhMlp net, double[] theta, double[][] points) {
    float[] out = new float[points.length];
    predictInto(net, theta, points, out);
    return out;
  }

  private static void predictInto(TanhMlp net, double[] theta, double[][] points, float[] out) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Autograd.inference(() -> {
        TanhMlp.Weights w = net.weights(manager, theta, false);
        for (int from = 0; from < points.length; from += BATCH) {
          int n = Math.min(BATCH, points.length - from);
          int dim = points[0].length;
          float[] flat = new float[n * dim];
          for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
              flat[i * dim + d] = (float) points[from + i][d];
            }
          }
          try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(flat, new Shape(n, dim));
            System.arraycopy(net.value(w, x).toFloatArray(), 0, out, from, n);
          }
        }
        return null;
      });
    }
  }

  /** Reference values at points (parallel: the Burgers quadrature costs ~100 terms per point). */
  public static float[] reference(PdeProblem problem, double[][] points) {
    float[] out = new float[points.length];
    IntStream.range(0, points.length).parallel()
        .forEach(i -> out[i] = (float) problem.reference().value(points[i]));
    return out;
  }

  public float[] error() {
    float[] e = new float[predicted.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = predicted[i] - reference[i];
    }
    return e;
  }

  public double relativeL2() {
    double num = 0;
    double den = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = (double) predicted[i] - reference[i];
      num += d * d;
      den += (double) reference[i] * reference[i];
    }
    return Math.sqrt(num / den);
  }

  public double maxAbsError() {
    double m = 0;
    for (float e : error()) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  /**
   * Writes {@code <prefix>solution.png}, {@code <prefix>reference.png} (same colour scale) and
   * {@code <prefix>error.png} (signed, symmetric scale) into {@code dir}.
   */
  public void writePlots(Path dir, String prefix, String title) throws IOException {
    double lo = Math.min(min(predicted), min(reference));
    double hi = Math.max(max(predicted), max(reference));
    float[] error = error();
    double e = Math.max(1e-12, Math.max(Math.abs(min(error)), Math.abs(max(error))));
    field(dir.resolve(prefix + "solution.png"), title + ": PINN solution u", predicted, Colormap.BLUE_RED, lo, hi, "u");
    field(dir.resolve(prefix + "reference.png"), title + ": reference solution", reference, Colormap.BLUE_RED, lo, hi, "u");
    field(dir.resolve(prefix + "error.png"), String.format(java.util.Locale.ROOT,
        "%s: error u_pinn - u_ref (relative L2 %.2e)", title, relativeL2()), error, Colormap.BLUE_RED, -e, e, "error");
  }

  private void field(Path png, String title, float[] values, Colormap colormap, double lo, double hi, String label)
      throws IOException {
    var d = grid.domain();
    Charts.field(png, title, grid.horizontalName(), grid.verticalName(), values, grid.columns(), grid.rows(),
        d.lower(grid.horizontal()), d.upper(grid.horizontal()), d.lower(grid.vertical()), d.upper(grid.vertical()),
        colormap, lo, hi, label);
  }

  private static double min(float[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (float f : v) {
      m = Math.min(m, f);
    }
    return m;
  }

  private static double max(float[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (float f : v) {
      m = Math.max(m, f);
    }
    return m;
  }
}

package org.sylva.physics.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Input derivatives of a {@link TanhMlp} by higher-order reverse-mode autograd on the PyTorch engine
 * (backward with {@code createGraph}, then backward of the gradient itself), the recipe in STACK.md.
 * Training uses the forward-mode {@link TanhMlp#jet} instead: backward with a graph also accumulates
 * into the parameters' {@code .grad} (a reference cycle PyTorch warns leaks memory, and gradients that
 * must be subtracted again) and it measured slower. This class cross-checks the forward mode in tests
 * and shows that second-order autograd works with the engine.
 */
public final class AutogradDerivatives {

  private AutogradDerivatives() {}

  /**
   * u, ∂u/∂x_i and the flagged ∂²u/∂x_i² at {@code points} (domain coordinates) for a parameter vector;
   * returns detached copies in {@code manager}.
   */
  public static TanhMlp.Jet evaluate(TanhMlp net, double[] theta, NDManager manager, NDArray points, boolean[] second) {
    try (NDManager scope = manager.newSubManager()) {
      TanhMlp.Jet jet = Autograd.recording(() -> {
        TanhMlp.Weights w = net.weights(scope, theta, false);
        NDArray x = points.duplicate();
        x.attach(scope);
        x.setRequiresGradient(true);
        NDArray u = net.value(w, x);
        Autograd.backward(u, true);
        NDArray gradient = x.getGradient();
        List<NDArray> first = new ArrayList<>();
        List<NDArray> seconds = new ArrayList<>(Arrays.asList(new NDArray[net.inputs()]));
        for (int i = 0; i < net.inputs(); i++) {
          first.add(column(gradient, i));
        }
        // Each further backward accumulates out of place into x.grad (graph mode), so the new
        // contribution is the difference to the previous gradient tensor.
        NDArray previous = gradient;
        for (int i = 0; i < net.inputs(); i++) {
          if (second[i]) {
            Autograd.backward(first.get(i), true);
            NDArray accumulated = x.getGradient();
            seconds.set(i, column(accumulated.sub(previous), i));
            previous = accumulated;
          }
        }
        return new TanhMlp.Jet(u, first, seconds);
      });
      List<NDArray> second2 = new ArrayList<>();
      for (NDArray s : jet.second()) {
        second2.add(s == null ? null : detached(s, manager));
      }
      List<NDArray> first2 = jet.first().stream().map(f -> detached(f, manager)).toList();
      return new TanhMlp.Jet(detached(jet.value(), manager), first2, second2);
    }
  }

  private static NDArray column(NDArray matrix, int i) {
    return matrix.get(":, " + i + ":" + (i + 1));
  }

  private static NDArray detached(NDArray array, NDManager manager) {
    NDArray copy = manager.create(array.toFloatArray(), array.getShape());
    return copy;
  }
}

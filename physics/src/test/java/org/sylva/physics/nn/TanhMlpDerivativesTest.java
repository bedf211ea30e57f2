package org.sylva.physics.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forward-mode derivatives of the tanh MLP against three independent references: closed forms for a
 * one-neuron network, central finite differences of the network itself, and PyTorch's second-order
 * reverse-mode autograd (backward with createGraph).
 */
class TanhMlpDerivativesTest {

  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void oneNeuronNetworkMatchesClosedForm() {
    // u(x) = v·tanh(w·h(x) + b) + c with h(x) = x on [-1, 1]: u' = v w sech², u'' = −2 v w² tanh sech².
    TanhMlp net = TanhMlp.builder().width(1).depth(1).inputBox(new double[] {-1}, new double[] {1}).build();
    double w = 1.3;
    double b = -0.2;
    double v = 0.7;
    double c = 0.1;
    double[] theta = {w, b, v, c};
    double[] xs = {-0.9, -0.3, 0.0, 0.45, 1.0};
    TanhMlp.Jet jet = jet(net, theta, xs, new boolean[] {true});
    float[] u = jet.value().toFloatArray();
    float[] du = jet.first().get(0).toFloatArray();
    float[] d2u = jet.second().get(0).toFloatArray();
    for (int i = 0; i < xs.length; i++) {
      double th = Math.tanh(w * xs[i] + b);
      double sech2 = 1 - th * th;
      assertThat(u[i]).isCloseTo((float) (v * th + c), within(1e-6f));
      assertThat(du[i]).isCloseTo((float) (v * w * sech2), within(1e-6f));
      assertThat(d2u[i]).isCloseTo((float) (-2 * v * w * w * th * sech2), within(1e-6f));
    }
  }

  @Test
  void deepNetworkMatchesFiniteDifferencesAndAutograd() {
    // Box [-1,1]×[0,2] exercises the input scaling (∂h/∂t = 1, ∂h/∂x = 1 on [-1, 1]; 1 on [0, 2]).
    TanhMlp net = TanhMlp.builder().width(12).depth(4)
        .inputBox(new double[] {-1, 0}, new double[] {1, 0.5}).build();
    double[] theta = net.initialParameters(7);
    double[][] points = {{-0.7, 0.1}, {0.05, 0.25}, {0.6, 0.45}, {0.95, 0.02}};
    boolean[] both = {true, true};
    TanhMlp.Jet forward = jet(net, theta, flatten(points), both, 2);
    TanhMlp.Jet reverse = AutogradDerivatives.evaluate(net, theta, manager, array(flatten(points), 2), both);
    for (int axis = 0; axis < 2; axis++) {
      float[] d1 = forward.first().get(axis).toFloatArray();
      float[] d2 = forward.second().get(axis).toFloatArray();
      float[] a1 = reverse.first().get(axis).toFloatArray();
      float[] a2 = reverse.second().get(axis).toFloatArray();
      for (int i = 0; i < points.length; i++) {
        double h = 1e-3;
        double up = valueInDouble(net, theta, shifted(points[i], axis, h));
        double mid = valueInDouble(net, theta, points[i]);
        double down = valueInDouble(net, theta, shifted(points[i], axis, -h));
        double fd1 = (up - down) / (2 * h);
        double fd2 = (up - 2 * mid + down) / (h * h);
        // float32 network: FD truncation O(h²) ≈ 1e-6 relative; float32 rounding ≈ 1e-6; scale by magnitude.
        assertThat((double) d1[i]).as("du/dx%d at %d", axis, i).isCloseTo(fd1, within(1e-4 * (1 + Math.abs(fd1))));
        assertThat((double) d2[i]).as("d2u/dx%d² at %d", axis, i).isCloseTo(fd2, within(1e-4 * (1 + Math.abs(fd2))));
        assertThat(a1[i]).as("autograd du/dx%d", axis).isCloseTo(d1[i], within(2e-5f * (1 + Math.abs(d1[i]))));
        assertThat(a2[i]).as("autograd d2u/dx%d²", axis).isCloseTo(d2[i], within(2e-5f * (1 + Math.abs(d2[i]))));
      }
    }
  }

  @Test
  void parameterCountAndInitialisationAreDeterministic() {
    TanhMlp net = TanhMlp.builder().width(20).depth(8).inputBox(new double[] {-1, 0}, new double[] {1, 1}).build();
    // 2·20+20 + 7·(20·20+20) + 20+1
    assertThat(net.parameterCount()).isEqualTo(60 + 7 * 420 + 21);
    assertThat(net.initialParameters(3)).containsExactly(net.initialParameters(3));
    assertThat(net.initialParameters(3)).isNotEqualTo(net.initialParameters(4));
  }

  /** The same network evaluated in double precision in plain Java, for finite differences without float32 noise. */
  private static double valueInDouble(TanhMlp net, double[] theta, double[] point) {
    double[] a = {2 * (point[0] + 1) / 2 - 1, 2 * (point[1] - 0) / 0.5 - 1};
    int at = 0;
    int in = 2;
    for (int layer = 0; layer <= net.depth(); layer++) {
      int out = layer == net.depth() ? 1 : net.width();
      double[] z = new double[out];
      for (int j = 0; j < out; j++) {
        z[j] = theta[at + in * out + j];
        for (int i = 0; i < in; i++) {
          z[j] += a[i] * theta[at + i * out + j];
        }
        if (layer < net.depth()) {
          z[j] = Math.tanh(z[j]);
        }
      }
      at += in * out + out;
      in = out;
      a = z;
    }
    return a[0];
  }

  private static TanhMlp.Jet jet(TanhMlp net, double[] theta, double[] xs, boolean[] second) {
    return jet(net, theta, xs, second, 1);
  }

  private static TanhMlp.Jet jet(TanhMlp net, double[] theta, double[] flat, boolean[] second, int dim) {
    return net.jet(net.weights(manager, theta, false), array(flat, dim), second);
  }

  private static NDArray array(double[] flat, int dim) {
    float[] f = new float[flat.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) flat[i];
    }
    return manager.create(f, new Shape(flat.length / dim, dim));
  }

  private static double[] flatten(double[][] points) {
    double[] flat = new double[points.length * points[0].length];
    for (int i = 0; i < points.length; i++) {
      System.arraycopy(points[i], 0, flat, i * points[0].length, points[0].length);
    }
    return flat;
  }

  private static double[] shifted(double[] p, int axis, double h) {
    double[] q = p.clone();
    q[axis] += h;
    return q;
  }
}

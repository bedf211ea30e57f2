package org.sylva.physics.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A fully connected network {@code inputs → depth × width (tanh) → 1} for PINNs, whose inputs are first
 * mapped from the domain box to {@code [−1, 1]} (as in Raissi et al.). Its parameters live outside the
 * network as one flat {@code double[]} (layer by layer: weight matrix row-major {@code (in, out)}, then
 * bias) so Adam and L-BFGS work on one vector; {@link #weights} turns a vector into float32 NDArrays for
 * one evaluation. Besides the plain forward pass, {@link #jet} propagates exact first and pure second
 * derivatives with respect to the inputs layer by layer (forward mode), which is how the trainer gets
 * u_x, u_t, u_xx without higher-order reverse-mode autograd. Immutable and thread-safe.
 */
public final class TanhMlp {

  private final int inputs;
  private final int width;
  private final int depth;
  private final double[] lower;
  private final double[] upper;

  private TanhMlp(Builder b) {
    this.inputs = b.lower.length;
    this.width = b.width;
    this.depth = b.depth;
    this.lower = b.lower.clone();
    this.upper = b.upper.clone();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The NDArray form of a parameter vector for one evaluation: per layer a weight and a bias. */
  public record Weights(List<NDArray> matrices, List<NDArray> biases, NDArray scale, NDArray offset) {}

  /** u and its input derivatives at N points, each {@code (N, 1)}; {@code second} entries are null when not asked. */
  public record Jet(NDArray value, List<NDArray> first, List<NDArray> second) {}

  public int inputs() {
    return inputs;
  }

  public int width() {
    return width;
  }

  public int depth() {
    return depth;
  }

  public int parameterCount() {
    int count = 0;
    int in = inputs;
    for (int layer = 0; layer <= depth; layer++) {
      int out = layer == depth ? 1 : width;
      count += in * out + out;
      in = out;
    }
    return count;
  }

  /** Glorot/Xavier normal weights (σ² = 2 / (fan_in + fan_out)) and zero biases, from a seed. */
  public double[] initialParameters(long seed) {
    Random random = new Random(seed);
    double[] theta = new double[parameterCount()];
    int at = 0;
    int in = inputs;
    for (int layer = 0; layer <= depth; layer++) {
      int out = layer == depth ? 1 : width;
      double sigma = Math.sqrt(2.0 / (in + out));
      for (int i = 0; i < in * out; i++) {
        theta[at++] = sigma * random.nextGaussian();
      }
      at += out;
      in = out;
    }
    return theta;
  }

  /** Float32 NDArrays of {@code theta} in {@code manager}; with {@code trainable} they collect gradients. */
  public Weights weights(NDManager manager, double[] theta, boolean trainable) {
    if (theta.length != parameterCount()) {
      throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + theta.length);
    }
    List<NDArray> matrices = new ArrayList<>();
    List<NDArray> biases = new ArrayList<>();
    int at = 0;
    int in = inputs;
    for (int layer = 0; layer <= depth; layer++) {
      int out = layer == depth ? 1 : width;
      matrices.add(parameter(manager, theta, at, new Shape(in, out), trainable));
      at += in * out;
      biases.add(parameter(manager, theta, at, new Shape(out), trainable));
      at += out;
      in = out;
    }
    float[] scale = new float[inputs];
    float[] offset = new float[inputs];
    for (int i = 0; i < inputs; i++) {
      scale[i] = (float) (2 / (upper[i] - lower[i]));
      offset[i] = (float) (-1 - lower[i] * 2 / (upper[i] - lower[i]));
    }
    return new Weights(matrices, biases, manager.create(scale, new Shape(1, inputs)),
        manager.create(offset, new Shape(1, inputs)));
  }

  /**
   * ∂loss/∂θ after a backward pass, in the layout of the parameter vector. The gradients are flattened and
   * concatenated into one fresh tensor before they are read, so Java copies one contiguous block.
   */
  public double[] gradient(Weights weights) {
    NDList parts = new NDList();
    for (int layer = 0; layer <= depth; layer++) {
      parts.add(weights.matrices().get(layer).getGradient().flatten());
      parts.add(weights.biases().get(layer).getGradient().flatten());
    }
    float[] values = ai.djl.ndarray.NDArrays.concat(parts).toType(DataType.FLOAT32, false).toFloatArray();
    double[] grad = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      grad[i] = values[i];
    }
    return grad;
  }

  /** u at points {@code (N, inputs)} given in domain coordinates; {@code (N, 1)}. */
  public NDArray value(Weights w, NDArray points) {
    NDArray a = points.mul(w.scale()).add(w.offset());
    for (int layer = 0; layer < depth; layer++) {
      a = a.matMul(w.matrices().get(layer)).add(w.biases().get(layer)).tanh();
    }
    return a.matMul(w.matrices().get(depth)).add(w.biases().get(depth));
  }

  /**
   * u, ∂u/∂x_i for every input and ∂²u/∂x_i² for the inputs flagged in {@code second}, by forward-mode
   * propagation. With z = aW + b and a' = tanh z, g = 1 − a'²:
   * {@code ∂a' = g ∂z} and {@code ∂²a' = g ∂²z − 2 a' g (∂z)²}, where {@code ∂z = (∂a) W} and
   * {@code ∂²z = (∂²a) W}. All derivative streams of a layer go through one stacked matrix product.
   */
  public Jet jet(Weights w, NDArray points, boolean[] second) {
    if (second.length != inputs) {
      throw new IllegalArgumentException("second-derivative flags for " + second.length + " of " + inputs + " inputs");
    }
    int n = (int) points.getShape().get(0);
    NDArray h = points.mul(w.scale()).add(w.offset());
    // Layer 0: ∂h/∂x_i = scale_i e_i, so ∂z/∂x_i is row i of W0 times scale_i (broadcast over points), ∂²z = 0.
    NDArray w0 = w.matrices().get(0);
    NDArray z = h.matMul(w0).add(w.biases().get(0));
    NDArray rows = w0.mul(w.scale().transpose());
    NDArray[] dz = new NDArray[inputs];
    NDArray[] d2z = new NDArray[inputs];
    for (int i = 0; i < inputs; i++) {
      dz[i] = rows.get(i + ":" + (i + 1) + ", :");
    }
    NDArray a = null;
    NDArray[] da = new NDArray[inputs];
    NDArray[] d2a = new NDArray[inputs];
    for (int layer = 0; ; layer++) {
      a = z.tanh();
      NDArray g = a.square().neg().add(1);
      NDArray ag = a.mul(g);
      NDArray curvature = ag.add(ag).neg(); // −2 a g without a scalar operand (see Derivatives#constant)
      for (int i = 0; i < inputs; i++) {
        da[i] = g.mul(dz[i]);
        if (second[i]) {
          NDArray c = curvature.mul(dz[i].square());
          d2a[i] = d2z[i] == null ? c : g.mul(d2z[i]).add(c);
        }
      }
      NDArray next = w.matrices().get(layer + 1);
      NDArray bias = w.biases().get(layer + 1);
      NDList streams = new NDList();
      for (int i = 0; i < inputs; i++) {
        streams.add(da[i]);
      }
      for (int i = 0; i < inputs; i++) {
        if (second[i]) {
          streams.add(d2a[i]);
        }
      }
      NDArray products = ai.djl.ndarray.NDArrays.concat(streams).matMul(next);
      z = a.matMul(next).add(bias);
      int s = 0;
      for (int i = 0; i < inputs; i++) {
        dz[i] = products.get((s * n) + ":" + ((s + 1) * n));
        s++;
      }
      for (int i = 0; i < inputs; i++) {
        if (second[i]) {
          d2z[i] = products.get((s * n) + ":" + ((s + 1) * n));
          s++;
        }
      }
      if (layer + 1 == depth) {
        break;
      }
    }
    List<NDArray> first = Arrays.asList(dz.clone());
    List<NDArray> seconds = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      seconds.add(second[i] ? d2z[i] : null);
    }
    return new Jet(z, first, seconds);
  }

  private static NDArray parameter(NDManager manager, double[] theta, int from, Shape shape, boolean trainable) {
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) theta[from + i];
    }
    NDArray array = manager.create(values, shape);
    if (trainable) {
      array.setRequiresGradient(true);
    }
    return array;
  }

  /** Network shape and the input box that is mapped to [−1, 1]. */
  public static final class Builder {
    private int width = 20;
    private int depth = 8;
    private double[] lower;
    private double[] upper;

    public Builder width(int width) {
      this.width = width;
      return this;
    }

    /** Number of hidden tanh layers. */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    /** The domain box whose corners map to −1 and +1 on each input. */
    public Builder inputBox(double[] lower, double[] upper) {
      this.lower = lower.clone();
      this.upper = upper.clone();
      return this;
    }

    public TanhMlp build() {
      if (lower == null || lower.length == 0 || lower.length != upper.length) {
        throw new IllegalArgumentException("network input box not set");
      }
      for (int i = 0; i < lower.length; i++) {
        if (!(upper[i] > lower[i])) {
          throw new IllegalArgumentException("network input box is empty on input " + i);
        }
      }
      if (width < 1 || width > 4096) {
        throw new IllegalArgumentException("network width must be in [1, 4096], got " + width);
      }
      if (depth < 1 || depth > 64) {
        throw new IllegalArgumentException("network depth must be in [1, 64] hidden layers, got " + depth);
      }
      return new TanhMlp(this);
    }
  }
}

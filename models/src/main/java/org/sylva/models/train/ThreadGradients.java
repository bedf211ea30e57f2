package org.sylva.models.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * A gradient-recording scope of the calling thread only, so several models can train at once in one JVM
 * (parallel pipeline workers). DJL's PyTorch collector allows one open collector per JVM, although what it
 * switches on, PyTorch's grad mode, is per thread, and PyTorch's autograd runs backward passes of separate
 * graphs from different threads (each on its calling thread for the CPU). This scope sets and restores the
 * thread's grad mode and runs the backward pass; it never zeroes gradients (the loop's optimizer reads each
 * parameter's gradient after the pass, as with DJL's collector). On another engine it is DJL's collector.
 */
public final class ThreadGradients {

  private ThreadGradients() {}

  /** Opens a scope on the current thread. */
  public static GradientCollector open() {
    if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
      return Engine.getInstance().newGradientCollector();
    }
    return new PyTorchScope();
  }

  private static final class PyTorchScope implements GradientCollector {
    private final boolean previous;

    PyTorchScope() {
      previous = JniUtils.isGradMode();
      JniUtils.setGradMode(true);
    }

    @Override
    public void backward(NDArray target) {
      try (NDArray seed = target.onesLike()) {
        JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
      }
    }

    @Override
    public void zeroGradients() {
      throw new UnsupportedOperationException("zero each parameter's gradient instead: a thread scope does not track them");
    }

    @Override
    public void close() {
      JniUtils.setGradMode(previous);
    }
  }
}

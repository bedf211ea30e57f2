package org.sylva.models.tsc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records gradients for the calling thread only. DJL's {@code PtGradientCollector} allows one collector per
 * JVM (a static flag), which would serialise trainings that a Beam worker runs in parallel threads; PyTorch's
 * autograd mode itself is thread-local, so turning it on for this thread and calling the engine's backward
 * directly is safe while other threads train their own networks. Outside a scope the thread's grad mode is
 * off, so optimiser updates and inference record no graph.
 */
final class ThreadGradients implements AutoCloseable {

  private ThreadGradients() {
    JniUtils.setGradMode(true);
  }

  /** Starts recording operations of this thread for {@link #backward}. */
  static ThreadGradients record() {
    return new ThreadGradients();
  }

  /** Turns gradient recording off for this thread (new threads start with it on in PyTorch). */
  static void disable() {
    JniUtils.setGradMode(false);
  }

  /** Accumulates d(loss)/d(parameter) into every parameter's gradient; {@code loss} must be a scalar. */
  void backward(NDArray loss) {
    try (NDArray ones = loss.onesLike()) {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
    }
  }

  @Override
  public void close() {
    disable();
  }
}

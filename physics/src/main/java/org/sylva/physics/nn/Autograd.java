package org.sylva.physics.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Reverse-mode autograd on the PyTorch engine without DJL's {@code GradientCollector}: that collector
 * allows one collecting instance per JVM and zeroes every gradient of the system manager, so parallel
 * trainings (one per Beam worker thread) would collide. PyTorch's grad mode is thread-local, so each
 * thread enables it for its own computation here and gradients go to freshly created parameter arrays.
 */
public final class Autograd {

  private Autograd() {}

  /** Runs {@code computation} with gradient recording enabled on this thread, restoring the previous mode. */
  public static <T> T recording(Supplier<T> computation) {
    return withGradMode(true, computation);
  }

  /** Runs {@code computation} without gradient recording on this thread (inference). */
  public static <T> T inference(Supplier<T> computation) {
    return withGradMode(false, computation);
  }

  /** Back-propagates a scalar into the {@code .grad} of every array that requires a gradient. */
  public static void backward(NDArray scalar) {
    backward(scalar, false);
  }

  /**
   * Back-propagates {@code target} (seeded with ones) and, with {@code createGraph}, records the backward
   * pass itself so the resulting gradients can be differentiated again (second order).
   */
  public static void backward(NDArray target, boolean createGraph) {
    NDArray ones = target.onesLike();
    JniUtils.backward((PtNDArray) target, (PtNDArray) ones, createGraph, createGraph);
  }

  private static <T> T withGradMode(boolean enabled, Supplier<T> computation) {
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(enabled);
    try {
      return computation.get();
    } finally {
      JniUtils.setGradMode(previous);
    }
  }
}

package org.sylva.models.tsc.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, a process-wide setting. Small networks trained several at a time on few
 * cores run fastest with one thread each (OpenMP threads spinning against each other cost more than they
 * gain); a single large training may want the engine default.
 */
public final class TorchThreads {

  private TorchThreads() {}

  /** Sets the thread count when {@code threads > 0}; returns the previous count. */
  public static int set(int threads) {
    Engine.getEngine("PyTorch"); // loads the native library before touching it
    int previous = JniUtils.getNumThreads();
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    return previous;
  }

  public static int get() {
    Engine.getEngine("PyTorch");
    return JniUtils.getNumThreads();
  }
}

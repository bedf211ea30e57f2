package org.sylva.models.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for the calling thread. PyTorch's CPU back end takes it from OpenMP, whose
 * thread count is a per-thread setting, so every worker thread (the DirectRunner's, each Flink task's) sets
 * the run's count before its network calls. Results are bit-identical only for the same count. Small networks
 * trained several at a time on few cores run fastest with one thread each: OpenMP workers spinning against
 * each other cost more than they gain.
 */
public final class TorchThreads {

  private static boolean engineLoaded;

  private TorchThreads() {}

  /**
   * Sets the current thread's intra-op count when {@code threads > 0} (else keeps it) and returns the previous
   * count. The first call also loads PyTorch with that count as its default and inter-op count, unless the
   * {@code ai.djl.pytorch.num_threads} / {@code num_interop_threads} properties say otherwise.
   */
  public static int set(int threads) {
    loadEngine(threads);
    int previous = JniUtils.getNumThreads();
    if (threads > 0 && previous != threads) {
      JniUtils.setNumThreads(threads);
    }
    return previous;
  }

  /** The current thread's intra-op count. */
  public static int get() {
    loadEngine(0);
    return JniUtils.getNumThreads();
  }

  private static synchronized void loadEngine(int threads) {
    if (engineLoaded) {
      return;
    }
    if (threads > 0) { // read by the native library when it loads
      System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
      System.getProperties().putIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    Engine.getEngine("PyTorch");
    engineLoaded = true;
  }
}

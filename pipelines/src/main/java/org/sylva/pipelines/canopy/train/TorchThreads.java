package org.sylva.pipelines.canopy.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Fixes PyTorch's intra-op thread count for the calling thread. Training and inference give bit-identical
 * results only for the same count, so every worker thread (the DirectRunner's, each Flink task's) sets the
 * run's count before its network calls; parallelism comes from running several variants or map strips at once.
 * The count must be set per thread: PyTorch's CPU back end takes it from OpenMP, whose thread count is a
 * per-thread setting, so one call on one thread does not cover the runner's other workers.
 */
public final class TorchThreads {

  private static boolean engineLoaded;

  private TorchThreads() {}

  /** Sets the intra-op threads of the current thread (and, before PyTorch is loaded, its inter-op threads). */
  public static void configure(int threads) {
    synchronized (TorchThreads.class) {
      if (!engineLoaded) {
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
          System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine.getEngine("PyTorch"); // loads the native library, which reads the properties above
        engineLoaded = true;
      }
    }
    JniUtils.setNumThreads(threads);
  }
}

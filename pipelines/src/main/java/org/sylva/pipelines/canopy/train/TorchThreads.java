package org.sylva.pipelines.canopy.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Fixes PyTorch's intra-op thread count for the whole JVM (PyTorch keeps one per process). Training and
 * inference give bit-identical results only for the same count, so every worker (the DirectRunner's JVM,
 * each Flink TaskManager) sets the count of the run's settings before its first network call; parallelism
 * comes from running several variants or map strips at once instead.
 */
public final class TorchThreads {

  private static int configured;

  private TorchThreads() {}

  /** Sets the intra-op (and, if PyTorch is not loaded yet, inter-op) threads; cheap when already set. */
  public static synchronized void configure(int threads) {
    if (configured == threads) {
      return;
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    Engine.getEngine("PyTorch"); // loads the native library, which reads the properties above
    JniUtils.setNumThreads(threads);
    configured = threads;
  }
}

package org.sylva.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch engine must load from the native jar on the classpath with downloads forbidden
 * ({@code -Dai.djl.offline=true}, set for every test run by the parent pom).
 */
class EngineOfflineTest {

  @Test
  void pyTorchLoadsWithoutNetworkAccess() {
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    Engine engine = Engine.getInstance();
    assertThat(engine.getEngineName()).isEqualTo("PyTorch");
    assertThat(engine.getVersion()).isEqualTo("2.7.1");
    Device expected = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    assertThat(engine.defaultDevice()).isEqualTo(expected);
    try (NDManager manager = engine.newBaseManager()) {
      assertThat(manager.create(new float[] {1, 2, 3}).sum().getFloat()).isEqualTo(6f);
    }
  }
}

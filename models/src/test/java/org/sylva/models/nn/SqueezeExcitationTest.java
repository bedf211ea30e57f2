package org.sylva.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SqueezeExcitationTest {

  /** Each (sample, channel) is multiplied by one gate in (0, 1), the same at every pixel or time step. */
  @Test
  void scalesEachChannelByOneGate() {
    for (Shape shape : new Shape[] {new Shape(2, 6, 5, 7), new Shape(3, 6, 11)}) {
      SqueezeExcitation se = SqueezeExcitation.builder().channels(6).reduction(2).build();
      assertThat(se.hidden()).isEqualTo(4);
      try (NDManager manager = Engine.getInstance().newBaseManager()) {
        Engine.getInstance().setRandomSeed(3);
        se.initialize(manager, DataType.FLOAT32, shape);
        NDArray x = manager.randomUniform(0.5f, 2f, shape);
        NDArray y = se.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(shape);
        float[] ratio = y.div(x).toFloatArray();
        int per = (int) (shape.size() / (shape.get(0) * shape.get(1)));
        for (int sc = 0; sc < shape.get(0) * shape.get(1); sc++) {
          float gate = ratio[sc * per];
          assertThat(gate).isStrictlyBetween(0f, 1f);
          for (int i = 1; i < per; i++) {
            assertThat(ratio[sc * per + i]).isCloseTo(gate, Offset.offset(1e-6f));
          }
        }
      }
    }
  }

  @Test
  void refusesWrongChannelCount() {
    SqueezeExcitation se = SqueezeExcitation.builder().channels(6).build();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      assertThatThrownBy(() -> se.initialize(manager, DataType.FLOAT32, new Shape(1, 5, 4, 4)))
          .hasMessageContaining("built for 6 channels, input has 5");
    }
    assertThatThrownBy(() -> SqueezeExcitation.builder().build()).hasMessageContaining("channels");
  }

  @Test
  void monteCarloDropoutSamplesOnlyWhenAsked() {
    MonteCarloDropout dropout = new MonteCarloDropout(0.5f);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray x = manager.ones(new Shape(1000));
      ParameterStore ps = new ParameterStore(manager, false);
      assertThat(dropout.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray()).containsOnly(1f);
      float[] sampled = dropout.forward(ps, new NDList(x), false, MonteCarloDropout.sampling()).singletonOrThrow().toFloatArray();
      // Kept units are rescaled by 1/(1 − 0.5) = 2; about half are dropped (binomial, 1000 draws: 5 sigma = 80).
      assertThat(sampled).containsOnly(0f, 2f);
      long kept = 0;
      for (float v : sampled) {
        kept += v > 0 ? 1 : 0;
      }
      assertThat(kept).isBetween(420L, 580L);
    }
  }
}

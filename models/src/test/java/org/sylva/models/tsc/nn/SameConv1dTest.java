package org.sylva.models.tsc.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SameConv1dTest {

  /**
   * Keras/TensorFlow 'same' padding puts (k-1)/2 zeros before the series and the rest after. The expected
   * output is computed here by a direct loop over that definition, independent of the engine.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 5, 8, 10})
  void matchesTensorFlowSamePaddingForOddAndEvenKernels(int kernel) {
    int channels = 2;
    int filters = 3;
    int length = 11;
    try (NDManager manager = NDManager.newBaseManager()) {
      SameConv1d conv = SameConv1d.of(filters, kernel);
      conv.setInitializer(new GlorotUniform(1), Parameter.Type.WEIGHT);
      conv.initialize(manager, DataType.FLOAT32, new Shape(1, channels, length));
      float[] weights = null;
      float[] bias = null;
      for (Pair<String, Parameter> p : conv.getParameters()) {
        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
          weights = p.getValue().getArray().toFloatArray();
        } else {
          p.getValue().getArray().set(new float[] {0.5f, -1f, 2f});
          bias = p.getValue().getArray().toFloatArray();
        }
      }
      Random random = new Random(3);
      float[] input = new float[channels * length];
      for (int i = 0; i < input.length; i++) {
        input[i] = (float) random.nextGaussian();
      }
      NDArray x = manager.create(input, new Shape(1, channels, length));
      float[] out = conv.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
      assertThat(out).hasSize(filters * length);

      int left = (kernel - 1) / 2;
      for (int f = 0; f < filters; f++) {
        for (int t = 0; t < length; t++) {
          double expected = bias[f];
          for (int c = 0; c < channels; c++) {
            for (int j = 0; j < kernel; j++) {
              int source = t - left + j;
              if (source >= 0 && source < length) {
                expected += weights[(f * channels + c) * kernel + j] * input[c * length + source];
              }
            }
          }
          assertThat((double) out[f * length + t]).as("filter %d, t %d", f, t).isCloseTo(expected, within(1e-5));
        }
      }
      assertThat(conv.padLeft() + conv.padRight()).isEqualTo(kernel - 1);
      assertThat(conv.padRight() - conv.padLeft()).isEqualTo(kernel % 2 == 0 ? 1 : 0);
    }
  }
}

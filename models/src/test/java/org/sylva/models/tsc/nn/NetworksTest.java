package org.sylva.models.tsc.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts of the networks against the counts of the reference Keras models, computed here layer by
 * layer from the reference code (Conv1D: k·in·out + out if biased; BatchNormalization: 4 per channel with
 * the moving mean and variance, as Keras' summary counts them; Dense: in·out + out), and output shapes.
 */
class NetworksTest {

  private static long conv(int k, int in, int out, boolean bias) {
    return (long) k * in * out + (bias ? out : 0);
  }

  private static long bn(int channels) {
    return 4L * channels;
  }

  private static long dense(int in, int out) {
    return (long) in * out + out;
  }

  @Test
  void fcnHasTheReferenceLayers() {
    int c = 2;
    int k = 5;
    long expected = conv(8, c, 128, true) + bn(128) + conv(5, 128, 256, true) + bn(256) + conv(3, 256, 128, true)
        + bn(128) + dense(128, k);
    assertThat(count(Fcn.builder().classes(k).build(), c, 64, k)).isEqualTo(expected);
  }

  @Test
  void resNetHasTheReferenceLayers() {
    int c = 1;
    int k = 3;
    long block1 = conv(8, c, 64, true) + bn(64) + conv(5, 64, 64, true) + bn(64) + conv(3, 64, 64, true) + bn(64)
        + conv(1, c, 64, true) + bn(64);
    long block2 = conv(8, 64, 128, true) + bn(128) + conv(5, 128, 128, true) + bn(128) + conv(3, 128, 128, true)
        + bn(128) + conv(1, 64, 128, true) + bn(128);
    long block3 = conv(8, 128, 128, true) + bn(128) + conv(5, 128, 128, true) + bn(128) + conv(3, 128, 128, true)
        + bn(128) + bn(128); // equal widths: the shortcut is batch norm alone
    long expected = block1 + block2 + block3 + dense(128, k);
    assertThat(count(ResidualNetwork.builder().classes(k).inputChannels(c).build(), c, 50, k)).isEqualTo(expected);
  }

  @Test
  void inceptionNetworkHasTheReferenceLayers() {
    int k = 4;
    long kernels = 40 + 20 + 10;
    // first module: one input channel, so no bottleneck (reference: use_bottleneck and channels > 1)
    long first = kernels * 1 * 32 + conv(1, 1, 32, false) + bn(128);
    long later = conv(1, 128, 32, false) + kernels * 32 * 32 + conv(1, 128, 32, false) + bn(128);
    long shortcuts = conv(1, 1, 128, false) + bn(128) + conv(1, 128, 128, false) + bn(128);
    long expected = first + 5 * later + shortcuts + dense(128, k);
    assertThat(count(InceptionNetwork.builder().classes(k).build(), 1, 60, k)).isEqualTo(expected);
    assertThat(InceptionNetwork.builder().kernels()).containsExactly(40, 20, 10);
    assertThat(InceptionNetwork.builder().longestKernel(39).kernels()).containsExactly(39, 19, 9);
  }

  @Test
  void mlpHasTheReferenceLayers() {
    int k = 3;
    long expected = dense(2 * 30, 500) + dense(500, 500) + dense(500, 500) + dense(500, k);
    assertThat(count(Mlp.builder().classes(k).seed(1).build(), 2, 30, k)).isEqualTo(expected);
  }

  @Test
  void aClassifierNeedsTwoClasses() {
    assertThatThrownBy(() -> Fcn.builder().classes(1).build()).hasMessageContaining("at least 2 classes");
  }

  /** Initialises the block for (batch, channels, length), checks the logits' shape, returns the parameter count. */
  private static long count(Block block, int channels, int length, int classes) {
    try (NDManager manager = NDManager.newBaseManager()) {
      block.setInitializer(new GlorotUniform(1), Parameter.Type.WEIGHT);
      block.initialize(manager, DataType.FLOAT32, new Shape(4, channels, length));
      NDList out = block.forward(new ParameterStore(manager, false),
          new NDList(manager.randomNormal(new Shape(4, channels, length))), false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(4, classes));
      long total = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        total += p.getValue().getArray().size();
      }
      return total;
    }
  }
}

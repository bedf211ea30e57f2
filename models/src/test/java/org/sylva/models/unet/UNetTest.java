package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UNetTest {

  @Test
  void acceptsAnySizeAndPredictsNonNegativeHeights() {
    for (Upsampling mode : Upsampling.values()) {
      UNet net = UNet.builder().inputChannels(3).depth(3).baseWidth(4).squeezeExcitation(true).dropout(0.2)
          .upsampling(mode).outputScale(20).build();
      try (NDManager manager = Engine.getInstance().newBaseManager()) {
        Engine.getInstance().setRandomSeed(5);
        // 37 x 45 is not a multiple of 2^3: padded to 40 x 48 inside, cropped back.
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 37, 45));
        NDArray x = manager.randomNormal(new Shape(2, 3, 37, 45));
        NDArray y = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(2, 1, 37, 45));
        for (float v : y.toFloatArray()) {
          assertThat(v).isFinite().isGreaterThan(0f);
        }
        assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 37, 45)})[0]).isEqualTo(new Shape(2, 1, 37, 45));
      }
    }
  }

  @Test
  void builderRejectsBadArchitectures() {
    assertThatThrownBy(() -> UNet.builder().build()).hasMessageContaining("inputChannels");
    assertThatThrownBy(() -> UNet.builder().inputChannels(14).depth(0).build()).hasMessageContaining("depth");
    assertThatThrownBy(() -> UNet.builder().inputChannels(14).dropout(1).build()).hasMessageContaining("dropout");
    assertThatThrownBy(() -> UNet.builder().inputChannels(14).outputScale(0).build()).hasMessageContaining("outputScale");
    UNet net = UNet.builder().inputChannels(14).build();
    assertThat(net.config()).isEqualTo(new UNetConfig(14, 4, 32, true, 0, false, 8, Upsampling.BILINEAR, 1));
    assertThat(UNet.builder().config(net.config()).build().config()).isEqualTo(net.config());
  }

  /**
   * The TRANSPOSED up-sampler must be a 2×2 stride-2 transposed convolution: output (f, 2y+i, 2x+j) =
   * Σ_c W[4f + 2i + j, c]·in(c, y, x) + b[4f + 2i + j], checked against that formula in plain Java.
   */
  @Test
  void transposedUpsamplingIsAStrideTwoUpConvolution() {
    int cin = 3;
    int filters = 2;
    int h = 3;
    int w = 4;
    UpsampleBlock block = new UpsampleBlock(filters, Upsampling.TRANSPOSED);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, cin, h, w));
      float[] in = random(cin * h * w, 1);
      float[] out = forward(block, manager, in, new Shape(1, cin, h, w));
      float[] weight = parameter(block, "weight").toFloatArray();
      float[] bias = parameter(block, "bias").toFloatArray();
      for (int f = 0; f < filters; f++) {
        for (int y = 0; y < 2 * h; y++) {
          for (int x = 0; x < 2 * w; x++) {
            int k = 4 * f + 2 * (y % 2) + (x % 2);
            double expected = bias[k];
            for (int c = 0; c < cin; c++) {
              expected += weight[k * cin + c] * in[(c * h + y / 2) * w + x / 2];
            }
            assertThat(out[(f * 2 * h + y) * 2 * w + x]).isCloseTo((float) expected, org.assertj.core.data.Offset.offset(1e-5f));
          }
        }
      }
    }
  }

  /**
   * The BILINEAR up-sampler is a 1×1 convolution followed by bilinear ×2 interpolation with half-pixel
   * centres (PyTorch {@code align_corners=False}): output pixel y samples input row (y + ½)/2 − ½, clamped
   * to the edges. Checked against that formula in plain Java.
   */
  @Test
  void bilinearUpsamplingUsesHalfPixelCentres() {
    int cin = 2;
    int h = 3;
    int w = 5;
    UpsampleBlock block = new UpsampleBlock(1, Upsampling.BILINEAR);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(12);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, cin, h, w));
      float[] in = random(cin * h * w, 2);
      float[] out = forward(block, manager, in, new Shape(1, cin, h, w));
      float[] weight = parameter(block, "weight").toFloatArray();
      float bias = parameter(block, "bias").toFloatArray()[0];
      double[] projected = new double[h * w];
      for (int i = 0; i < h * w; i++) {
        projected[i] = bias;
        for (int c = 0; c < cin; c++) {
          projected[i] += weight[c] * in[c * h * w + i];
        }
      }
      for (int y = 0; y < 2 * h; y++) {
        for (int x = 0; x < 2 * w; x++) {
          double sy = Math.max(0, (y + 0.5) / 2 - 0.5);
          double sx = Math.max(0, (x + 0.5) / 2 - 0.5);
          int y0 = (int) sy;
          int x0 = (int) sx;
          int y1 = Math.min(y0 + 1, h - 1);
          int x1 = Math.min(x0 + 1, w - 1);
          double fy = sy - y0;
          double fx = sx - x0;
          double expected = (1 - fy) * ((1 - fx) * projected[y0 * w + x0] + fx * projected[y0 * w + x1])
              + fy * ((1 - fx) * projected[y1 * w + x0] + fx * projected[y1 * w + x1]);
          assertThat(out[y * 2 * w + x]).isCloseTo((float) expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  private static float[] forward(Block block, NDManager manager, float[] in, Shape shape) {
    NDArray x = manager.create(in, shape);
    return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
  }

  private static NDArray parameter(Block block, String suffix) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getKey().endsWith(suffix)) {
        return p.getValue().getArray();
      }
    }
    throw new AssertionError("no parameter *" + suffix);
  }

  static float[] random(int n, long seed) {
    Random rng = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return v;
  }
}

package org.sylva.models.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.sylva.models.unet.UNet;

/**
 * Hand-computed values on a 2×2 "patch" with a hole: prediction (2, 5, 1, 7), target (1, NaN, 3.5, 7.25),
 * mask (1, 0, 1, 1). Valid differences d = pred − target are 1, −2.5, −0.25 (the NaN target is masked).
 * <ul>
 *   <li>L1 = (1 + 2.5 + 0.25)/3 = 1.25; ∂/∂pred = sign(d)/3 = (1/3, 0, −1/3, −1/3)</li>
 *   <li>L2 = (1 + 6.25 + 0.0625)/3 = 2.4375; ∂/∂pred = 2d/3 = (2/3, 0, −5/3, −1/6)</li>
 *   <li>Huber δ=1: ½·1² + 1·(2.5 − ½) + ½·0.25² = 0.5 + 2 + 0.03125 → /3 = 0.84375;
 *       ∂/∂pred = clip(d, −1, 1)/3 = (1/3, 0, −1/3, −1/12)</li>
 * </ul>
 */
class MaskedLossTest {

  private static final float[] PRED = {2f, 5f, 1f, 7f};
  private static final float[] TARGET = {1f, Float.NaN, 3.5f, 7.25f};
  private static final float[] MASK = {1f, 0f, 1f, 1f};
  private static final Offset<Float> EXACT = Offset.offset(1e-6f);

  @Test
  void l1L2AndHuberMatchHandComputedValuesAndGradients() {
    check(MaskedLoss.l1(), MASK, 1.25f, new float[] {1 / 3f, 0, -1 / 3f, -1 / 3f});
    check(MaskedLoss.l2(), MASK, 2.4375f, new float[] {2 / 3f, 0, -5 / 3f, -1 / 6f});
    check(MaskedLoss.huber(1), MASK, 0.84375f, new float[] {1 / 3f, 0, -1 / 3f, -1 / 12f});
  }

  /** Mask values are weights: (2, 0, 1, 1) gives L1 = (2·1 + 2.5 + 0.25)/4 = 1.1875. */
  @Test
  void maskValuesWeighPixels() {
    check(MaskedLoss.l1(), new float[] {2f, 0f, 1f, 1f}, 1.1875f, new float[] {0.5f, 0, -0.25f, -0.25f});
  }

  @Test
  void allMaskedBatchGivesZeroLossAndZeroGradients() {
    for (MaskedLoss loss : new MaskedLoss[] {MaskedLoss.l1(), MaskedLoss.l2(), MaskedLoss.huber(2)}) {
      check(loss, new float[4], 0f, new float[4]);
    }
  }

  /** Through a whole network: an all-masked batch (NaN targets) leaves every parameter gradient exactly 0. */
  @Test
  void allMaskedBatchGivesZeroNetworkGradients() {
    UNet net = UNet.builder().inputChannels(2).depth(2).baseWidth(4).build();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      Shape shape = new Shape(2, 2, 8, 8);
      net.initialize(manager, DataType.FLOAT32, shape);
      for (Pair<String, Parameter> p : net.getParameters()) {
        if (p.getValue().requiresGradient()) {
          p.getValue().getArray().setRequiresGradient(true);
        }
      }
      NDArray x = manager.randomNormal(shape);
      NDArray target = manager.full(new Shape(2, 1, 8, 8), Float.NaN);
      NDArray mask = manager.zeros(new Shape(2, 1, 8, 8));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList pred = net.forward(new ParameterStore(manager, false), new NDList(x), true);
        NDArray loss = MaskedLoss.huber(1).evaluate(new NDList(target, mask), pred);
        assertThat(loss.getFloat()).isEqualTo(0f);
        gc.backward(loss);
      }
      int checked = 0;
      for (Pair<String, Parameter> p : net.getParameters()) {
        if (p.getValue().requiresGradient()) {
          assertThat(p.getValue().getArray().getGradient().toFloatArray()).as(p.getKey()).containsOnly(0f);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(10);
    }
  }

  @Test
  void parsesSpecs() {
    assertThat(MaskedLoss.parse("L1").kind()).isEqualTo(MaskedLoss.Kind.L1);
    assertThat(MaskedLoss.parse("huber:2.5").delta()).isEqualTo(2.5f);
    assertThat(MaskedLoss.parse(MaskedLoss.huber(0.5).spec()).delta()).isEqualTo(0.5f);
    assertThatThrownBy(() -> MaskedLoss.parse("l3")).hasMessageContaining("unknown loss 'l3'");
    assertThatThrownBy(() -> MaskedLoss.huber(0)).hasMessageContaining("delta");
  }

  private static void check(MaskedLoss loss, float[] mask, float expected, float[] expectedGradient) {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Shape shape = new Shape(1, 1, 2, 2);
      NDArray pred = manager.create(PRED, shape);
      pred.setRequiresGradient(true);
      NDList labels = new NDList(manager.create(TARGET, shape), manager.create(mask, shape));
      float value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.evaluate(labels, new NDList(pred));
        value = l.getFloat();
        gc.backward(l);
      }
      assertThat(value).as(loss.getName()).isCloseTo(expected, EXACT);
      float[] gradient = pred.getGradient().toFloatArray();
      for (int i = 0; i < gradient.length; i++) {
        assertThat(gradient[i]).as(loss.getName() + " gradient " + i).isCloseTo(expectedGradient[i], EXACT);
      }
    }
  }
}

package org.sylva.models.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sylva.models.train.ThreadGradients;

/**
 * A scalar operand must still hold its value when the backward pass reads it, even if the garbage collector
 * ran in between and the freed native memory was reused (which is what a busy JVM training seven networks
 * does now and then).
 */
class ScalarsTest {

  private static final int STEPS = 100;

  /**
   * d(3w)/dw = 3 exactly, in every step. The control, DJL's own {@code w.mul(3f)}, shows the check can see the
   * failure: its backward pass reads the scalar's freed buffer, here overwritten with 1e6 (measured 110 wrong
   * gradients in 200 steps). If a DJL upgrade fixes that, the control fails and {@link Scalars} can go.
   */
  @Test
  void scalarOperandSurvivesACollectionBetweenForwardAndBackward() throws Exception {
    assertThat(wrongGradients(w -> Scalars.times(w, 3))).as("Scalars.times").isZero();
    assertThat(wrongGradients(w -> w.mul(3f))).as("control: DJL's mul(Number) read freed memory").isPositive();
  }

  @Test
  void helpersComputeWhatTheySay() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new float[] {-2, 0.5f, 3});
      assertThat(Scalars.times(x, 0.5).toFloatArray()).containsExactly(-1, 0.25f, 1.5f);
      assertThat(Scalars.min(x, 1).toFloatArray()).containsExactly(-2, 0.5f, 1);
      NDArray s = Scalars.of(x, 2.5);
      assertThat(s.getShape().dimension()).isZero();
      assertThat(s.getFloat()).isEqualTo(2.5f);
      assertThat(s.getDataType()).isEqualTo(x.getDataType());
    }
  }

  private static int wrongGradients(UnaryOperator<NDArray> timesThree) throws InterruptedException {
    int wrong = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.create(new float[] {1, 2, 3, 4});
      w.setRequiresGradient(true);
      for (int step = 0; step < STEPS; step++) {
        try (var gradients = ThreadGradients.open()) {
          NDArray y = timesThree.apply(w);
          System.gc();
          Thread.sleep(1); // lets the cleaner thread free the buffers the collection found
          List<ByteBuffer> reuse = new ArrayList<>();
          for (int k = 0; k < 2000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 1e6f);
            reuse.add(b);
          }
          gradients.backward(y.sum());
        }
        NDArray gradient = w.getGradient();
        for (float g : gradient.toFloatArray()) {
          if (g != 3f) {
            wrong++;
            break;
          }
        }
        gradient.muli(0);
      }
    }
    return wrong;
  }
}

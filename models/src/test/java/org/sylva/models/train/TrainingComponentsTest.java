package org.sylva.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TrainingComponentsTest {

  @Test
  void cosineScheduleWarmsUpThenAnnealsToItsFloor() {
    LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1f, 110, 10, 0.1f, 1, 1f);
    assertThat(s.getNewValue(1)).isCloseTo(0.1f, Offset.offset(1e-7f)); // first of 10 warm-up updates
    assertThat(s.getNewValue(10)).isCloseTo(1f, Offset.offset(1e-7f));
    assertThat(s.getNewValue(11)).isCloseTo(1f, Offset.offset(1e-7f)); // cosine starts at the peak
    assertThat(s.getNewValue(61)).isCloseTo(0.55f, Offset.offset(1e-6f)); // halfway: floor + (1 − floor)/2
    assertThat(s.getNewValue(111)).isCloseTo(0.1f, Offset.offset(1e-6f));
    assertThat(s.getNewValue(500)).isCloseTo(0.1f, Offset.offset(1e-6f));
  }

  @Test
  void stepScheduleDecaysEveryStep() {
    TrainingOptions o = TrainingOptions.builder().epochs(30).learningRate(0.1).schedule(LearningRateSchedule.Kind.STEP)
        .stepEpochs(10).stepFactor(0.5).build();
    LearningRateSchedule s = o.scheduleFor(4); // 4 updates per epoch: decay every 40 updates
    assertThat(s.getNewValue(40)).isEqualTo(0.1f);
    assertThat(s.getNewValue(41)).isEqualTo(0.05f);
    assertThat(s.getNewValue(81)).isEqualTo(0.025f);
    // The same update number gives the same rate whatever was asked before (resumable).
    assertThat(s.getNewValue(41)).isEqualTo(0.05f);
  }

  @Test
  void earlyStoppingWaitsForPatienceAndKeepsTheBest() {
    EarlyStopping s = EarlyStopping.start(false, 2, 0.01);
    s = s.record(0, 5.0);
    assertThat(s.improvedLast()).isTrue();
    s = s.record(1, 4.0);
    s = s.record(2, 3.995); // less than minDelta better: no improvement
    assertThat(s.improvedLast()).isFalse();
    assertThat(s.shouldStop()).isFalse();
    s = s.record(3, Double.NaN);
    assertThat(s.shouldStop()).isTrue();
    assertThat(s.bestEpoch()).isEqualTo(1);
    assertThat(s.best()).isEqualTo(4.0);
    assertThat(EarlyStopping.start(true, 0, 0).record(0, 1).record(1, 0).record(2, 0).shouldStop()).isFalse();
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> TrainingOptions.builder().epochs(0).build()).hasMessageContaining("epochs");
    assertThatThrownBy(() -> TrainingOptions.builder().learningRate(-1).build()).hasMessageContaining("learning rate");
    assertThatThrownBy(() -> TrainingOptions.builder().epochs(3).warmupEpochs(3).build()).hasMessageContaining("warm-up");
  }

  /**
   * One AdamW step on w = 1 with gradient 0.5, lr 0.1, weight decay 0.01 (PyTorch's decoupled form):
   * w ← w − lr·wd·w = 0.999; m = 0.1·0.5 = 0.05; v = 0.001·0.25 = 2.5e-4; with bias correction the step is
   * lr·(m/(1−β₁))/√(v/(1−β₂)) = 0.1·0.5/0.5 = 0.1 (ε negligible), so w = 0.899.
   */
  @Test
  void adamWStepMatchesTheFormula() {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      CheckpointableAdamW adam = CheckpointableAdamW.builder()
          .learningRate(ai.djl.training.tracker.Tracker.fixed(0.1f)).optWeightDecays(0.01f).build();
      NDArray w = manager.create(new float[] {1f});
      adam.update("w", w, manager.create(new float[] {0.5f}));
      assertThat(w.toFloatArray()[0]).isCloseTo(0.899f, Offset.offset(2e-6f));
      assertThat(adam.updates()).isEqualTo(1);
    }
  }

  /** Two steps straight = one step, save, restore into a new optimizer, one step: bit for bit. */
  @Test
  void adamWStateRoundTrips() throws Exception {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.05f, 10, 0, 0f, 1, 1f);
      float[] grads = {0.3f, -0.7f, 1.1f};
      NDArray straight = manager.create(new float[] {1f, 2f, 3f});
      CheckpointableAdamW a = CheckpointableAdamW.builder().learningRate(schedule).build();
      a.update("id-a", straight, manager.create(grads));
      a.update("id-a", straight, manager.create(new float[] {0.1f, 0.1f, -0.2f}));

      Parameter first = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build();
      first.setArray(manager.create(new float[] {1f, 2f, 3f}));
      CheckpointableAdamW b = CheckpointableAdamW.builder().learningRate(schedule).build();
      b.update(first.getId(), first.getArray(), manager.create(grads));
      ByteArrayOutputStream saved = new ByteArrayOutputStream();
      PairList<String, Parameter> params = new PairList<>();
      params.add("block_weight", first);
      b.save(saved, params);

      Parameter second = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build();
      second.setArray(first.getArray().duplicate());
      PairList<String, Parameter> reloaded = new PairList<>();
      reloaded.add("block_weight", second);
      CheckpointableAdamW c = CheckpointableAdamW.restore(CheckpointableAdamW.builder().learningRate(schedule),
          new ByteArrayInputStream(saved.toByteArray()), reloaded, manager);
      assertThat(c.updates()).isEqualTo(1);
      c.update(second.getId(), second.getArray(), manager.create(new float[] {0.1f, 0.1f, -0.2f}));
      assertThat(second.getArray().toFloatArray()).isEqualTo(straight.toFloatArray());
    }
  }
}

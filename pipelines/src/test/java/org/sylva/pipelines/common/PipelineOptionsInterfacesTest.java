package org.sylva.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.sylva.pipelines.canopy.CanopyOptions;
import org.sylva.pipelines.flink.FlinkSmokeOptions;
import org.sylva.pipelines.flink.SylvaFlinkOptions;
import org.sylva.pipelines.pinn.PinnOptions;
import org.sylva.pipelines.tsc.TscOptions;

/**
 * Beam keeps one property namespace per JVM: once two options interfaces are registered, a property both
 * declare must carry the same {@code @Default}, or every later parse fails ("marked with contradictory
 * annotations"). A test JVM, a Flink TaskManager or an embedding application may load several Sylva pipelines,
 * so all of their options must live together.
 */
class PipelineOptionsInterfacesTest {

  private static final List<Class<? extends PipelineOptions>> ALL = List.of(SylvaPipelineOptions.class,
      SylvaFlinkOptions.class, FlinkSmokeOptions.class, CanopyOptions.class, PinnOptions.class, TscOptions.class);

  @Test
  void everyPipelinesOptionsCanBeRegisteredTogetherAndKeepTheirOwnDefaults() {
    ALL.forEach(PipelineOptionsFactory::register);

    assertThat(PipelineOptionsFactory.fromArgs().as(CanopyOptions.class).getEpochs()).isEqualTo(16);
    assertThat(PipelineOptionsFactory.fromArgs().as(CanopyOptions.class).getLearningRate()).isEqualTo(0.001);
    assertThat(PipelineOptionsFactory.fromArgs().as(TscOptions.class).getEpochsOverride()).isZero();
    assertThat(PipelineOptionsFactory.fromArgs().as(PinnOptions.class).getAdamLearningRate()).isEqualTo(1e-3);
    for (Class<? extends PipelineOptions> type : ALL) {
      assertThat(PipelineOptionsFactory.fromArgs("--torchThreads=1").withoutStrictParsing().as(type)).isNotNull();
    }
  }
}

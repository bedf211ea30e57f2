package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkArgsTest {

  @Test
  void aliasesBecomeBeamOptionsAndTheRestPassesThrough() {
    assertThat(FlinkArgs.toBeamArgs(List.of("--runner=FlinkRunner", "--flink-master=localhost:8081", "--parallelism=2")))
        .containsExactly("--runner=FlinkRunner", "--flinkMaster=localhost:8081", "--parallelism=2");
    assertThat(FlinkArgs.toBeamArgs(List.of("--flink-master", "jm:8081", "--seed=7")))
        .containsExactly("--flinkMaster=jm:8081", "--seed=7");
    assertThat(FlinkArgs.toBeamArgs(List.of("--flinkMaster=jm:8081"))).containsExactly("--flinkMaster=jm:8081");
  }

  @Test
  void aliasWithoutValueIsAUsageError() {
    assertThatThrownBy(() -> FlinkArgs.toBeamArgs(List.of("--flink-master")))
        .hasMessageContaining("--flink-master needs a value");
  }

  @Test
  void masterAddressesParse() {
    assertThat(FlinkMaster.parse("localhost:8081")).isEqualTo(new FlinkMaster("localhost", 8081));
    assertThat(FlinkMaster.parse("http://flink-rest.sylva:9000")).isEqualTo(new FlinkMaster("flink-rest.sylva", 9000));
    assertThat(FlinkMaster.parse("jobmanager")).isEqualTo(new FlinkMaster("jobmanager", 8081));
    assertThat(FlinkMaster.isRemote("[local]")).isFalse();
    assertThat(FlinkMaster.isRemote("[auto]")).isFalse();
    assertThatThrownBy(() -> FlinkMaster.parse("localhost:99999")).hasMessageContaining("not a host:port address");
  }
}

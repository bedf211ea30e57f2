package org.sylva.pipelines.pinn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.physics.train.Sampling;

class SweepSpecTest {

  @TempDir Path dir;

  static PinnOptions options(String... args) {
    PipelineOptionsFactory.register(PinnOptions.class);
    return PipelineOptionsFactory.fromArgs(args).as(PinnOptions.class);
  }

  @Test
  void defaultsAreOneBurgersConfigurationOfTheProfile() {
    List<PinnJob> jobs = SweepSpec.from(options()).jobs();
    assertThat(jobs).hasSize(1);
    PinnJob job = jobs.get(0);
    assertThat(job.pde()).isEqualTo("burgers");
    assertThat(job.config().width()).isEqualTo(20);
    assertThat(job.config().depth()).isEqualTo(8);
    assertThat(job.config().collocationPoints()).isEqualTo(PinnProfile.DEFAULT.collocation);
    assertThat(job.config().seed()).isEqualTo(42);
    assertThat(job.label()).isEqualTo("000-burgers-w20-d8-n5000-s42");
  }

  @Test
  void optionsExpandToTheFullGrid() {
    SweepSpec spec = SweepSpec.from(options("--pdes=burgers,heat", "--widths=10,20", "--depths=2,3,4",
        "--conditionWeights=1,10", "--seeds=1,2", "--profile=quick", "--sampling=sobol",
        "--pdeParameters=burgers.viscosity=0.01,heat.diffusivity=0.2"));
    List<PinnJob> jobs = spec.jobs();
    assertThat(jobs).hasSize(2 * 2 * 3 * 2 * 2);
    assertThat(jobs).extracting(PinnJob::index).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 48).boxed().toList());
    assertThat(jobs.get(0).pdeParameters()).isEqualTo(Map.of("viscosity", 0.01));
    assertThat(jobs.get(47).pde()).isEqualTo("heat");
    assertThat(jobs.get(47).config().weight("initial")).isEqualTo(10);
    assertThat(jobs.get(47).config().sampling()).isEqualTo(Sampling.SOBOL);
    assertThat(jobs.get(0).config().adamSteps()).isEqualTo(PinnProfile.QUICK.adamSteps);
  }

  @Test
  void sweepFileReplacesOptions() throws IOException {
    Path yaml = dir.resolve("sweep.yaml");
    Files.writeString(yaml, """
        pdes: [poisson]
        widths: [16, 32]
        weights: [{boundary: 10}, {residual: 2, conditions: 5}]
        seeds: [3]
        adamSteps: 50
        lbfgsIterations: 20
        """);
    List<PinnJob> jobs = SweepSpec.from(options("--sweepFile=" + yaml, "--widths=99")).jobs();
    assertThat(jobs).hasSize(4);
    assertThat(jobs).extracting(j -> j.config().width()).containsExactly(16, 16, 32, 32);
    assertThat(jobs.get(1).config().weight("residual")).isEqualTo(2);
    assertThat(jobs.get(1).config().weight("boundary")).isEqualTo(5);
    assertThat(jobs.get(0).config().adamSteps()).isEqualTo(50);
    Path json = dir.resolve("sweep.json");
    Files.writeString(json, "{\"pdes\": [\"heat\"], \"depths\": [2]}");
    assertThat(SweepSpec.from(options("--sweepFile=" + json)).jobs()).singleElement()
        .satisfies(j -> assertThat(j.config().depth()).isEqualTo(2));
  }

  @Test
  void badInputIsOneClearLine() throws IOException {
    assertThatThrownBy(() -> SweepSpec.from(options("--pdes=burgers,wave")))
        .hasMessage("unknown PDE 'wave'; known: burgers, heat, poisson");
    assertThatThrownBy(() -> SweepSpec.from(options("--pdeParameters=burgers.viscosity=-0.1")))
        .hasMessage("burgers: viscosity must be a positive number, got -0.1");
    assertThatThrownBy(() -> SweepSpec.from(options("--widths=20,abc")))
        .hasMessage("widths: 'abc' is not a number");
    assertThatThrownBy(() -> SweepSpec.from(options("--profile=huge")))
        .hasMessage("unknown profile 'huge'; use quick, default or long");
    assertThatThrownBy(() -> SweepSpec.from(options("--collocation=0")))
        .hasMessage("collocation points must be >= 1, got 0");
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> SweepSpec.from(options("--sweepFile=" + missing)))
        .hasMessage(missing + ": sweep file not found");
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "pdes: [burgers]\nwidht: [20]\n");
    assertThatThrownBy(() -> SweepSpec.from(options("--sweepFile=" + typo)))
        .hasMessageStartingWith(typo + ": not a valid sweep file: Unrecognized field \"widht\"")
        .hasMessageContaining("(line ");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "widths: [20, [\n");
    assertThatThrownBy(() -> SweepSpec.from(options("--sweepFile=" + broken)))
        .hasMessageStartingWith(broken + ": not a valid sweep file:");
  }
}

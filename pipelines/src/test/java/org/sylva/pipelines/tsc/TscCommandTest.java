package org.sylva.pipelines.tsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

class TscCommandTest {

  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void helpExplainsEveryOption() {
    Outcome o = run("tsc", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("--datasets", "--models", "--runs", "--quick", "--epochs", "--archive", "--outputDir",
        "--runName", "--seed", "--lengthPolicy", "--no-z-normalise", "--torchThreads", "--checkpointMinutes",
        "--checkpointDir", "FlinkRunner",
        "InceptionTime", "PAD_ZEROS", "Default: 42", "Default: FCN,ResNet");
  }

  @Test
  void badInputsFailInOneLineBeforeAnyTraining() {
    Outcome model = run("tsc", "--models", "FCN,LSTM", "--outputDir", dir.toString());
    assertThat(model.code()).isEqualTo(1);
    assertThat(model.err().strip()).isEqualTo("sylva: unknown model 'LSTM' (known: MLP, FCN, ResNet, InceptionTime)");

    Outcome dataset = run("tsc", "--datasets", "Coffee", "--outputDir", dir.toString());
    assertThat(dataset.err().strip()).startsWith("sylva: dataset Coffee cannot be generated (generated: CBF, "
        + "SyntheticControl, TwoPatterns); pass --archive DIR");

    Outcome archive = run("tsc", "--archive", dir.resolve("none").toString(), "--outputDir", dir.toString());
    assertThat(archive.err().strip()).isEqualTo("sylva: " + dir.resolve("none").toAbsolutePath()
        + ": archive directory does not exist");

    Outcome inside = run("tsc", "--archive", dir.resolve("tsc/data").toString(), "--outputDir", dir.toString());
    assertThat(inside.err().strip()).isEqualTo("sylva: --archive " + dir.resolve("tsc/data").toAbsolutePath()
        + " is inside the run folder " + dir.resolve("tsc").toAbsolutePath()
        + ", which this run replaces; move the archive or choose another --runName");

    Outcome runs = run("tsc", "--runs", "0", "--outputDir", dir.toString());
    assertThat(runs.err().strip()).isEqualTo("sylva: --runs must be at least 1, got 0");

    Outcome checkpoints = run("tsc", "--checkpointMinutes", "-1", "--outputDir", dir.toString());
    assertThat(checkpoints.err().strip()).isEqualTo("sylva: --checkpointMinutes must be 0 (none) or more, got -1");

    Outcome beam = run("tsc", "--noSuchBeamOption=3", "--outputDir", dir.toString());
    assertThat(beam.code()).isEqualTo(1);
    assertThat(beam.err()).contains("noSuchBeamOption");
  }

  @Test
  void beamOptionsPassThroughAfterThePipelineOnes() {
    TscCommand command = new TscCommand();
    new CommandLine(command).parseArgs("--models", "ResNet", "--quick", "--runner=FlinkRunner",
        "--flinkMaster=localhost:8081");
    assertThat(command.beamArgs()).contains("--models=ResNet", "--quick=true", "--normalise=true")
        .endsWith("--runner=FlinkRunner", "--flinkMaster=localhost:8081");
  }

  @Test
  void aFailedRunLeavesThePreviousRunFolderAsItWas() throws Exception {
    Path archive = dir.resolve("archive");
    Files.createDirectories(archive.resolve("Broken"));
    Files.writeString(archive.resolve("Broken/Broken_TRAIN.tsv"), "1\t0.5\t0.25\n2\t0.75\n");
    Files.writeString(archive.resolve("Broken/Broken_TEST.tsv"), "1\t0.5\t0.25\n");
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("bench"));
    Files.writeString(out.resolve("bench/report.md"), "the previous run's report");

    Outcome o = run("tsc", "--archive", archive.toString(), "--datasets", "Broken", "--models", "MLP", "--quick",
        "--outputDir", out.toString(), "--runName", "bench");

    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err().strip()).isEqualTo("sylva: " + archive.toAbsolutePath().resolve("Broken/Broken_TRAIN.tsv")
        + ":2: 2 columns, expected 3 as on line 1");
    assertThat(Files.readString(out.resolve("bench/report.md"))).isEqualTo("the previous run's report");
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString())).as("no staging folder left behind")
          .containsExactly("bench");
    }
  }
}

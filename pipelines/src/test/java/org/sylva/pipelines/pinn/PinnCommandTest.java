package org.sylva.pipelines.pinn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

class PinnCommandTest {

  private static String errorOf(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).isEqualTo(1);
    return err.toString().strip();
  }

  @Test
  void badInputFailsWithOneLine() {
    assertThat(errorOf("pinn", "--pde", "wave")).isEqualTo("sylva: unknown PDE 'wave'; known: burgers, heat, poisson");
    assertThat(errorOf("pinn", "--pdeParameters", "burgers.viscosity=-1"))
        .isEqualTo("sylva: burgers: viscosity must be a positive number, got -1.0");
    assertThat(errorOf("pinn", "--sweepFile", "/no/such/sweep.yaml"))
        .isEqualTo("sylva: /no/such/sweep.yaml: sweep file not found");
    assertThat(errorOf("pinn", "--noSuchOption=3")).startsWith("sylva: ").contains("noSuchOption").doesNotContain("\n");
  }

  @Test
  void typedOptionsAndBeamOptionsBothReachBeam() {
    PinnCommand command = new PinnCommand();
    new CommandLine(command).parseArgs("--pde", "heat", "--widths=10,20", "--runner=DirectRunner", "--targetParallelism=2");
    assertThat(command.beamArgs()).containsExactlyInAnyOrder("--runner=DirectRunner", "--targetParallelism=2",
        "--pdes=heat", "--widths=10,20");
  }

  @Test
  void helpExplainsEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("pinn", "--help")).isZero();
    assertThat(out.toString()).contains("--profile", "--pde", "--widths", "--sweepFile", "--torchThreads",
        "FlinkRunner");
  }
}

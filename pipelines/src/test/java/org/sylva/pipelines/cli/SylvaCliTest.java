package org.sylva.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SylvaCliTest {

  @Test
  void versionNamesTheBuildVersion() {
    StringWriter out = new StringWriter();
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("sylva ").doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("no-such-command")).isEqualTo(2);
  }

  @Test
  void errorMessageIsTheFirstLineOfTheRootCause() {
    Exception wrapped = new RuntimeException(new java.io.UncheckedIOException(
        new java.io.IOException("scene/B04.tif: not a TIFF file\nmore detail")));
    assertThat(ErrorReporter.describe(wrapped)).isEqualTo("scene/B04.tif: not a TIFF file");
  }
}

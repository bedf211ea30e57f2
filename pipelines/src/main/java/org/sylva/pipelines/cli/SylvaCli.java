package org.sylva.pipelines.cli;

import org.sylva.models.io.SoftwareVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sylva} command. Each workflow is a subcommand in its own package; this class only wires them
 * together and turns expected failures into one-line messages (stack traces only with {@code --debug}).
 */
@Command(
    name = "sylva",
    mixinStandardHelpOptions = true,
    versionProvider = SylvaCli.Version.class,
    description = "Remote-sensing and scientific machine-learning pipelines on Apache Beam and DJL.",
    subcommands = {
      CommandLine.HelpCommand.class,
      org.sylva.pipelines.bench.BenchCommand.class,
      org.sylva.pipelines.demo.DemoSceneCommand.class,
      org.sylva.pipelines.canopy.CanopyCommand.class,
      org.sylva.pipelines.flink.FlinkSmokeCommand.class,
      org.sylva.pipelines.ingest.IngestCommand.class,
      org.sylva.pipelines.raster.RasterCommand.class,
      org.sylva.pipelines.pinn.PinnCommand.class,
      org.sylva.pipelines.tsc.TscCommand.class,
    })
public final class SylvaCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (0 success, 1 failure, 2 usage error). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new SylvaCli());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Version from the build (Maven project version). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sylva " + projectVersion(), "Java " + System.getProperty("java.version")};
    }
  }

  /** The Sylva version this build carries (one source: the models module's build-filtered properties). */
  public static String projectVersion() {
    return SoftwareVersions.sylvaVersion();
  }
}

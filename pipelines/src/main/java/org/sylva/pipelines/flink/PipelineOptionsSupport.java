package org.sylva.pipelines.flink;

import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.options.ApplicationNameOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * How a Sylva pipeline command turns its command line into Beam options: Beam's own syntax
 * ({@code --name=value}) for every option of the command's options interface and of the runners (so
 * {@code --runner=FlinkRunner --flinkMaster=host:port --parallelism=N} pass through as in any Beam
 * program), plus Sylva's aliases ({@link FlinkArgs}).
 */
public final class PipelineOptionsSupport {

  private PipelineOptionsSupport() {}

  /**
   * Parses and validates the options; {@code appName} (the command name, e.g. {@code flink-smoke}) starts
   * the default job name, which is what the Flink web UI lists.
   */
  public static <T extends PipelineOptions> T parse(List<String> args, Class<T> optionsType, String appName) {
    PipelineOptionsFactory.register(optionsType);
    PipelineOptionsFactory.register(SylvaFlinkOptions.class);
    T options = PipelineOptionsFactory.fromArgs(FlinkArgs.toBeamArgs(args)).withValidation().as(optionsType);
    ApplicationNameOptions names = options.as(ApplicationNameOptions.class);
    if (names.getAppName() == null || names.getAppName().equals(PipelineOptionsSupport.class.getSimpleName())) {
      names.setAppName(appName);
    }
    return options;
  }

  /** Beam's generated help for the options interface (descriptions and defaults of every option). */
  public static void printHelp(PrintStream out, Class<? extends PipelineOptions> optionsType) {
    PipelineOptionsFactory.printHelp(out, optionsType);
    out.println("Run on a Flink cluster: --runner=FlinkRunner --flinkMaster=host:port (alias --flink-master)"
        + " --parallelism=N; see infra/README.md.");
  }
}

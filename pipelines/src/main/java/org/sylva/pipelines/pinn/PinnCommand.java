package org.sylva.pipelines.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sylva.pipelines.flink.PipelineOptionsSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code sylva pinn}: trains physics-informed neural networks for Burgers, heat and Poisson over a grid of
 * hyper-parameters and reports their error against the exact solutions. The options below are the
 * pipeline's {@link PinnOptions}; anything else is handed to Beam unchanged (runner, Flink master,
 * parallelism).
 */
@Command(
    name = "pinn",
    mixinStandardHelpOptions = true,
    description = {
        "Train PINNs (Burgers, heat, Poisson) over a hyper-parameter grid as a parallel Beam stage.",
        "Writes <outputDir>/<runName>/results.{parquet,csv,json,md}, best/<pde>-{solution,reference,error}.png,",
        "best/<pde>-field.csv, configs/<label>/loss.{csv,png} and run.json.",
        "Other --options go to Beam, e.g. --runner=FlinkRunner --flinkMaster=host:8081 --parallelism=4."},
    sortOptions = false)
public final class PinnCommand implements Callable<Integer> {

  @Option(names = "--profile", paramLabel = "quick|default|long",
      description = "Training budget: quick (smoke test), default (minutes, Burgers rel. L2 <= 5e-3), long. Default: default.")
  String profile;

  @Option(names = {"--pde", "--pdes"}, paramLabel = "NAMES",
      description = "Comma-separated PDEs: burgers, heat, poisson. Default: burgers.")
  String pdes;

  @Option(names = "--pdeParameters", paramLabel = "PDE.NAME=V,...",
      description = "PDE parameters, e.g. burgers.viscosity=0.005,heat.diffusivity=0.2,poisson.wavenumber=2.")
  String pdeParameters;

  @Option(names = "--widths", paramLabel = "N,...", description = "Hidden-layer widths to sweep. Default: profile (20).")
  String widths;

  @Option(names = "--depths", paramLabel = "N,...", description = "Hidden-layer counts to sweep. Default: profile.")
  String depths;

  @Option(names = "--collocation", paramLabel = "N,...",
      description = "Interior collocation point counts to sweep. Default: profile.")
  String collocation;

  @Option(names = "--conditionPoints", paramLabel = "N,...",
      description = "Points per boundary/initial condition to sweep. Default: profile.")
  String conditionPoints;

  @Option(names = "--conditionWeights", paramLabel = "W,...",
      description = "Loss weights of the boundary/initial terms to sweep (residual weight 1). Default: 1.")
  String conditionWeights;

  @Option(names = "--seeds", paramLabel = "S,...", description = "Training seeds to sweep. Default: --seed.")
  String seeds;

  @Option(names = "--adamSteps", paramLabel = "N", description = "Adam steps before L-BFGS. Default: profile.")
  Integer adamSteps;

  @Option(names = "--adamLearningRate", paramLabel = "R", description = "Adam learning rate. Default: 0.001.")
  Double learningRate;

  @Option(names = "--lbfgsIterations", paramLabel = "N",
      description = "L-BFGS iterations after Adam, 0 for Adam only. Default: profile.")
  Integer lbfgsIterations;

  @Option(names = "--sampling", paramLabel = "lhs|sobol", description = "Collocation design. Default: lhs.")
  String sampling;

  @Option(names = "--sweepFile", paramLabel = "FILE",
      description = "YAML/JSON sweep file; its fields replace the options above (see README).")
  String sweepFile;

  @Option(names = "--torchThreads", paramLabel = "N",
      description = "PyTorch threads per training. Default: 1 (configurations train in parallel).")
  Integer torchThreads;

  @Option(names = "--outputDir", paramLabel = "DIR", description = "Folder of run folders. Default: runs.")
  String outputDir;

  @Option(names = "--runName", paramLabel = "NAME", description = "Run folder name. Default: pinn.")
  String runName;

  @Option(names = "--seed", paramLabel = "S", description = "Seed when --seeds is not given. Default: 42.")
  Long seed;

  @Unmatched List<String> beamArguments = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PinnOptions options = PipelineOptionsSupport.parse(beamArgs(), PinnOptions.class, "pinn");
    PinnPipeline.Outcome outcome = PinnPipeline.run(options);
    System.out.printf(Locale.ROOT, "pinn: %d configuration(s) trained in %.1f s%n", outcome.configurations(),
        outcome.took().toMillis() / 1000.0);
    for (Map<String, Object> row : SweepReport.bestRows(outcome.rows())) {
      System.out.printf(Locale.ROOT, "best %s: relative L2 error %.3e, %s steps in %.1f s (%s)%n", row.get("pde"),
          ((Number) row.get("relative_l2")).doubleValue(), row.get("steps"), ((Number) row.get("seconds")).doubleValue(),
          row.get("label"));
    }
    long diverged = outcome.rows().stream().filter(r -> !PinnRunResult.OK.equals(r.get("status"))).count();
    if (diverged > 0) {
      System.out.printf(Locale.ROOT, "%d configuration(s) diverged (status column of results.md)%n", diverged);
    }
    System.out.println("outputs: " + outcome.runFolder().toAbsolutePath()
        + " (results.md, results.parquet, best/, configs/, run.json)");
    return 0;
  }

  /**
   * The typed options as Beam arguments ({@code --name=value}, the option's long name being the Beam
   * property), then everything picocli did not know (Beam's own options).
   */
  List<String> beamArgs() {
    List<String> args = new ArrayList<>(beamArguments);
    for (CommandLine.Model.OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp() && option.getValue() != null) {
        args.add(option.longestName() + "=" + option.getValue());
      }
    }
    return args;
  }
}

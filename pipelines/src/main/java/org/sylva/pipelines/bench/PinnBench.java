package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sylva.models.io.AtomicFiles;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.progress.ProgressBar;
import org.sylva.physics.eval.EvaluationGrid;
import org.sylva.physics.eval.SolutionField;
import org.sylva.physics.pde.Burgers;
import org.sylva.physics.pde.PdeProblem;
import org.sylva.physics.pde.PdeRegistry;
import org.sylva.physics.train.PinnConfig;
import org.sylva.physics.train.PinnTrainer;
import org.sylva.physics.train.TrainingListener;
import org.sylva.physics.train.TrainingPoints;
import org.sylva.physics.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench pinn}: the default Burgers PINN in Sylva (DJL, forward-mode input derivatives) beside
 * the same network in PyTorch 1.13 (Debian python3-torch, autograd with create_graph), on the same
 * collocation points, the same optimisers and the same thread count, in one run: Adam steps per second,
 * and the relative L2 error each reaches in the same wall-time budget (Adam, then L-BFGS).
 */
@Command(name = "pinn", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Burgers PINN training speed and error per minute: Sylva beside PyTorch (python3-torch).")
public final class PinnBench implements Callable<Integer> {

  @Option(names = "--steps", description = "Adam steps timed for steps/s (after --warmup). Default: 200.")
  int steps = 200;

  @Option(names = "--warmup", description = "Untimed Adam steps first. Default: 10.")
  int warmup = 10;

  @Option(names = "--repeats", description = "Steps/s measured this many times per side, alternating; best kept. Default: 2.")
  int repeats = 2;

  @Option(names = "--seconds", description = "Wall-time budget of the error-per-time run, each side. Default: 60.")
  double seconds = 60;

  @Option(names = "--collocation", description = "Collocation points. Default: 5000 (the default profile).")
  int collocation = 5000;

  @Option(names = "--width", description = "Hidden-layer width. Default: 20.")
  int width = 20;

  @Option(names = "--depth", description = "Hidden layers. Default: 8.")
  int depth = 8;

  @Option(names = "--adamSteps", description = "Adam steps before L-BFGS in the timed-budget run. Default: 500.")
  int adamSteps = 500;

  @Option(names = "--threads", description = "Compute threads on both sides. Default: 1.")
  int threads = 1;

  @Option(names = "--out", description = "Report folder. Default: target/bench.")
  Path out = Path.of("target/bench");

  @Override
  public Integer call() throws Exception {
    if (!PythonPeer.available("torch", "numpy")) {
      throw new IllegalStateException("/usr/bin/python3 cannot import torch and numpy: apt-get install python3-torch");
    }
    TorchThreads.set(threads);
    PdeProblem burgers = PdeRegistry.create(Burgers.NAME);
    PinnConfig base = PinnConfig.defaults().withShape(width, depth).withPoints(collocation, 200);
    Path data = Files.createTempDirectory("sylva-pinn-bench");
    try {
      writePeerData(burgers, base, data);
      // Alternating Sylva and PyTorch and keeping each side's best run evens out load from other jobs.
      List<Double> sylvaRuns = new ArrayList<>();
      List<Double> peerRuns = new ArrayList<>();
      JsonNode peerSpeed = null;
      for (int r = 0; r < repeats; r++) {
        sylvaRuns.add(sylvaStepsPerSecond(burgers, base.withSchedule(warmup + steps, 1e-3, 0)));
        peerSpeed = peer(data, warmup + steps, 0, 0);
        peerRuns.add(peerSpeed.get("adamStepsPerSecond").asDouble());
      }
      TrainingResult timed = train(burgers, base.withSchedule(adamSteps, 1e-3, 1_000_000).withTimeBudget(seconds),
          "sylva " + (int) seconds + " s");
      double sylvaError = SolutionField.evaluate(burgers, timed.network(), timed.parameters()).relativeL2();
      JsonNode peerTimed = peer(data, adamSteps, 1_000_000, seconds);

      BenchReport report = new BenchReport("pinn", "Burgers PINN (" + width + "x" + depth + " tanh, " + collocation
          + " collocation points, 200 points per condition, float32): Sylva (DJL 0.36 + PyTorch 2.7.1 engine, "
          + "forward-mode input derivatives) beside PyTorch " + peerSpeed.get("torch").asText()
          + " (autograd.grad with create_graph), same points, same optimisers, " + threads + " thread(s) each.");
      report.measure(new BenchReport.Measurement("Adam training steps/s (best of " + repeats + ")", "steps/s",
          java.util.Collections.max(sylvaRuns), java.util.Collections.max(peerRuns), "pytorch", true));
      if (timed.lbfgsIterations() > 0 && peerTimed.get("lbfgsIterations").asInt() > 0) {
        report.measure(new BenchReport.Measurement("L-BFGS iterations/s (in the budget run)", "iterations/s",
            timed.lbfgsIterations() / timed.lbfgsSeconds(), peerTimed.get("lbfgsIterations").asDouble()
                / peerTimed.get("lbfgsSeconds").asDouble(), "pytorch", true));
      }
      report.measure(new BenchReport.Measurement(String.format(Locale.ROOT,
          "relative L2 error after %.0f s of training", seconds), "rel. L2", sylvaError,
          peerTimed.get("relativeL2").asDouble(), "pytorch", false));
      report.detail("threads", threads)
          .detail("Adam steps/s, every run", "sylva " + rates(sylvaRuns) + ", pytorch " + rates(peerRuns))
          .detail("sylva budget run", String.format(Locale.ROOT, "%d Adam steps + %d L-BFGS iterations in %.1f s",
              timed.adamSteps(), timed.lbfgsIterations(), timed.seconds()))
          .detail("pytorch budget run", String.format(Locale.ROOT, "%d Adam steps + %d L-BFGS iterations in %.1f s",
              peerTimed.get("adamSteps").asInt(), peerTimed.get("lbfgsIterations").asInt(),
              peerTimed.get("seconds").asDouble()))
          .detail("pytorch L-BFGS", "torch.optim.LBFGS(line_search_fn='strong_wolfe', history_size=50), 20 "
              + "iterations per step() call (each call re-evaluates the loss once); budget checked between calls")
          .detail("error per minute", "the error column is the relative L2 error on the 256x100 Cole-Hopf grid "
              + "after the same wall-time budget; its ratio is pytorch / sylva (above 1: Sylva more accurate)")
          .detail("note", "measured on a 2-core machine shared with other jobs: ratios are more telling than "
              + "absolute rates, and single runs vary");
      Path json = report.write(out);
      System.out.print(report.toMarkdown());
      System.out.println("wrote " + json.toAbsolutePath() + " and " + json.resolveSibling("pinn.md").toAbsolutePath());
      return 0;
    } finally {
      try (var files = Files.list(data)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(data);
    }
  }

  private static String rates(List<Double> runs) {
    return runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList().toString();
  }

  private double sylvaStepsPerSecond(PdeProblem burgers, PinnConfig config) {
    long[] timedStart = {0};
    long start = System.nanoTime();
    try (ProgressBar bar = ProgressBar.start("sylva steps/s", config.adamSteps())) {
      TrainingListener progress = TrainingListener.progress(bar);
      PinnTrainer.train(burgers, config, (step, planned, phase, loss, terms) -> {
        progress.onStep(step, planned, phase, loss, terms);
        if (step == warmup) {
          timedStart[0] = System.nanoTime();
        }
      });
    }
    long from = warmup > 0 ? timedStart[0] : start;
    // The trainer evaluates once more after the last step (final loss): negligible beside 200 steps.
    return steps / ((System.nanoTime() - from) / 1e9);
  }

  private static TrainingResult train(PdeProblem problem, PinnConfig config, String label) {
    try (ProgressBar bar = ProgressBar.start(label, config.adamSteps() + config.lbfgsIterations())) {
      return PinnTrainer.train(problem, config, TrainingListener.progress(bar));
    }
  }

  private JsonNode peer(Path data, int adam, int lbfgs, double budget) throws IOException {
    List<String> args = new ArrayList<>(List.of(data.toString(), "--width", "" + width, "--depth", "" + depth,
        "--threads", "" + threads, "--adam-steps", "" + adam, "--lbfgs-iterations", "" + lbfgs,
        "--warmup", "" + (lbfgs == 0 ? warmup : 0), "--seconds", "" + budget,
        "--viscosity", "" + Burgers.DEFAULT_VISCOSITY));
    return PythonPeer.run("pinn_peer.py", args, (long) (budget + 3600));
  }

  /** The exact points Sylva trains on, and the evaluation grid with the reference, as CSV for the peer. */
  private static void writePeerData(PdeProblem problem, PinnConfig config, Path dir) throws IOException {
    TrainingPoints points = TrainingPoints.of(problem, config);
    AtomicFiles.writeString(dir.resolve("collocation.csv"), csv("x,t", points.interior(), null));
    for (Map.Entry<String, double[][]> c : points.conditions().entrySet()) {
      AtomicFiles.writeString(dir.resolve(c.getKey() + ".csv"), csv("x,t,u", c.getValue(),
          points.targets().get(c.getKey())));
    }
    double[][] grid = EvaluationGrid.of(problem).points();
    float[] reference = SolutionField.reference(problem, grid);
    double[] ref = new double[reference.length];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = reference[i];
    }
    AtomicFiles.writeString(dir.resolve("evaluation.csv"), csv("x,t,u_ref", grid, ref));
  }

  private static String csv(String header, double[][] points, double[] values) {
    StringBuilder s = new StringBuilder(header).append('\n');
    for (int i = 0; i < points.length; i++) {
      s.append(points[i][0]).append(',').append(points[i][1]);
      if (values != null) {
        s.append(',').append(values[i]);
      }
      s.append('\n');
    }
    return s.toString();
  }
}

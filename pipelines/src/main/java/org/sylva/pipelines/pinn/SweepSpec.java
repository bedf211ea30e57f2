package org.sylva.pipelines.pinn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.sylva.physics.pde.PdeRegistry;
import org.sylva.physics.train.PinnConfig;
import org.sylva.physics.train.Sampling;

/**
 * The grid of a hyper-parameter sweep, from options (and a sweep file that overrides them), expanded into
 * one {@link PinnJob} per combination of PDE × width × depth × collocation × condition points × weights ×
 * seed. Every PDE and parameter is validated here, before any training starts.
 */
public record SweepSpec(
    PinnProfile profile,
    List<String> pdes,
    Map<String, Map<String, Double>> pdeParameters,
    List<Integer> widths,
    List<Integer> depths,
    List<Integer> collocation,
    List<Integer> conditionPoints,
    List<Map<String, Double>> weights,
    List<Long> seeds,
    int adamSteps,
    double learningRate,
    int lbfgsIterations,
    Sampling sampling) {

  public static SweepSpec from(PinnOptions o) {
    SweepFile file = o.getSweepFile().isBlank() ? null : SweepFile.read(Path.of(o.getSweepFile()));
    PinnProfile profile = PinnProfile.parse(pick(file == null ? null : file.profile(), o.getProfile()));
    List<String> pdes = pickList(file == null ? null : file.pdes(), o.getPdes(), s -> s, List.of(), "pdes");
    Map<String, Map<String, Double>> params = file != null && file.parameters() != null
        ? file.parameters() : parseParameters(o.getPdeParameters());
    List<Integer> widths = pickList(file == null ? null : file.widths(), o.getWidths(), Integer::valueOf,
        List.of(profile.width), "widths");
    List<Integer> depths = pickList(file == null ? null : file.depths(), o.getDepths(), Integer::valueOf,
        List.of(profile.depth), "depths");
    List<Integer> collocation = pickList(file == null ? null : file.collocation(), o.getCollocation(),
        Integer::valueOf, List.of(profile.collocation), "collocation");
    List<Integer> conditionPoints = pickList(file == null ? null : file.conditionPoints(), o.getConditionPoints(),
        Integer::valueOf, List.of(profile.conditionPoints), "conditionPoints");
    List<Map<String, Double>> weights = file != null && file.weights() != null ? file.weights()
        : parseList(o.getConditionWeights(), s -> Map.of(PinnConfig.CONDITIONS, Double.valueOf(s)), "conditionWeights");
    List<Long> seeds = pickList(file == null ? null : file.seeds(), o.getSeeds(), Long::valueOf, List.of(o.getSeed()),
        "seeds");
    int adam = file != null && file.adamSteps() != null ? file.adamSteps()
        : o.getAdamSteps() >= 0 ? o.getAdamSteps() : profile.adamSteps;
    int lbfgs = file != null && file.lbfgsIterations() != null ? file.lbfgsIterations()
        : o.getLbfgsIterations() >= 0 ? o.getLbfgsIterations() : profile.lbfgsIterations;
    double rate = file != null && file.learningRate() != null ? file.learningRate() : o.getAdamLearningRate();
    Sampling sampling = Sampling.parse(pick(file == null ? null : file.sampling(), o.getSampling()));
    SweepSpec spec = new SweepSpec(profile, pdes, params, widths, depths, collocation, conditionPoints, weights, seeds,
        adam, rate, lbfgs, sampling);
    spec.jobs(); // validates every PDE, parameter and configuration now, with one clear message
    return spec;
  }

  /** Every combination, in a fixed order (PDE outermost, seed innermost). */
  public List<PinnJob> jobs() {
    if (pdes.isEmpty()) {
      throw new IllegalArgumentException("no PDE given; known: " + String.join(", ", PdeRegistry.names()));
    }
    for (String pde : pdeParameters.keySet()) {
      if (!pdes.contains(pde)) {
        throw new IllegalArgumentException("parameters given for '" + pde + "', which is not in the sweep " + pdes);
      }
    }
    List<PinnJob> jobs = new ArrayList<>();
    for (String pde : pdes) {
      Map<String, Double> params = pdeParameters.getOrDefault(pde, Map.of());
      PdeRegistry.create(pde, params);
      for (int width : widths) {
        for (int depth : depths) {
          for (int n : collocation) {
            for (int m : conditionPoints) {
              for (Map<String, Double> w : weights) {
                for (long seed : seeds) {
                  PinnConfig config = new PinnConfig(width, depth, n, m, w, adamSteps, learningRate, lbfgsIterations,
                      50, sampling, seed, 0);
                  jobs.add(new PinnJob(jobs.size(), pde, params, config));
                }
              }
            }
          }
        }
      }
    }
    return jobs;
  }

  /** {@code burgers.viscosity=0.005,heat.diffusivity=0.2} → per-PDE maps. */
  static Map<String, Map<String, Double>> parseParameters(String text) {
    Map<String, Map<String, Double>> params = new TreeMap<>();
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      String[] kv = item.split("=", 2);
      String[] key = kv[0].trim().split("\\.", 2);
      if (kv.length != 2 || key.length != 2) {
        throw new IllegalArgumentException("pdeParameters: expected pde.name=value, got '" + item.trim() + "'");
      }
      params.computeIfAbsent(key[0], k -> new LinkedHashMap<>()).put(key[1], number(kv[1], "pdeParameters"));
    }
    return params;
  }

  private static String pick(String fromFile, String fromOptions) {
    return fromFile != null ? fromFile : fromOptions;
  }

  private static <T> List<T> pickList(List<T> fromFile, String fromOptions, Function<String, T> parse, List<T> fallback,
      String what) {
    if (fromFile != null) {
      return List.copyOf(fromFile);
    }
    return fromOptions == null || fromOptions.isBlank() ? fallback : parseList(fromOptions, parse, what);
  }

  private static <T> List<T> parseList(String text, Function<String, T> parse, String what) {
    List<T> values = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        try {
          values.add(parse.apply(item.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(what + ": '" + item.trim() + "' is not a number");
        }
      }
    }
    return values;
  }

  private static double number(String text, String what) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + text.trim() + "' is not a number");
    }
  }
}

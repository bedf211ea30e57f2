package org.sylva.physics.pde;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * PDE problems by name. Each entry is a factory from parameter overrides (e.g. {@code viscosity}) to a
 * {@link PdeProblem}; the trainer and the pipeline only ever ask this registry, so adding a PDE means
 * writing its definition and registering it here (or at run time with {@link #register}).
 */
public final class PdeRegistry {

  private static final Map<String, Function<Map<String, Double>, PdeProblem>> FACTORIES = new ConcurrentHashMap<>();

  static {
    register(Burgers.NAME, Burgers::create);
    register(Heat.NAME, Heat::create);
    register(Poisson.NAME, Poisson::create);
  }

  private PdeRegistry() {}

  public static void register(String name, Function<Map<String, Double>, PdeProblem> factory) {
    FACTORIES.put(name, factory);
  }

  /** Names of all registered problems, sorted. */
  public static Set<String> names() {
    return new TreeMap<>(FACTORIES).keySet();
  }

  public static PdeProblem create(String name) {
    return create(name, Map.of());
  }

  /** The problem {@code name} with parameter overrides; a one-line error for unknown names or bad values. */
  public static PdeProblem create(String name, Map<String, Double> parameters) {
    Function<Map<String, Double>, PdeProblem> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown PDE '" + name + "'; known: " + String.join(", ", names()));
    }
    return factory.apply(parameters);
  }

  /** For factories: rejects parameter names the problem does not have (a typo must not be ignored). */
  public static void requireKnown(String problem, Map<String, Double> parameters, Set<String> known) {
    for (String p : parameters.keySet()) {
      if (!known.contains(p)) {
        throw new IllegalArgumentException(problem + ": unknown parameter '" + p + "'; known: "
            + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }
}

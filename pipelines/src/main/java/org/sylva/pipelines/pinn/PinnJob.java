package org.sylva.pipelines.pinn;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.sylva.physics.pde.PdeProblem;
import org.sylva.physics.pde.PdeRegistry;
import org.sylva.physics.train.PinnConfig;

/**
 * One element of the sweep: a PDE (registry name and parameter overrides) and a training configuration.
 * The problem itself is rebuilt on the worker from the registry, so only names and numbers travel.
 */
public record PinnJob(int index, String pde, Map<String, Double> pdeParameters, PinnConfig config) implements Serializable {

  private static final long serialVersionUID = 1L;

  public PinnJob {
    pdeParameters = new TreeMap<>(pdeParameters);
  }

  public PdeProblem problem() {
    return PdeRegistry.create(pde, pdeParameters);
  }

  /** Unique, file-name safe label, e.g. {@code 003-burgers-w20-d8-n5000-s42}. */
  public String label() {
    return String.format(java.util.Locale.ROOT, "%03d-%s-%s", index, pde, config.label());
  }
}

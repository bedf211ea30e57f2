package org.sylva.physics.pde;

import java.util.Arrays;
import java.util.List;

/**
 * The axis-aligned box a PDE is posed on: one named variable per axis ({@code x}, {@code t}, {@code y}),
 * each with a non-empty interval {@code [lower, upper]}. Points are {@code double[]} in variable order.
 */
public record Domain(List<String> variables, double[] lower, double[] upper) {

  public Domain {
    variables = List.copyOf(variables);
    lower = lower.clone();
    upper = upper.clone();
    if (variables.isEmpty() || lower.length != variables.size() || upper.length != variables.size()) {
      throw new IllegalArgumentException("domain needs one [lower, upper] interval per variable " + variables);
    }
    if (variables.stream().distinct().count() != variables.size()) {
      throw new IllegalArgumentException("domain variables must be distinct: " + variables);
    }
    for (int i = 0; i < lower.length; i++) {
      if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && upper[i] > lower[i])) {
        throw new IllegalArgumentException("domain: " + variables.get(i) + " range [" + lower[i] + ", " + upper[i]
            + "] is empty or not finite");
      }
    }
  }

  /** A box from alternating names and bounds, e.g. {@code Domain.box("x", -1, 1, "t", 0, 1)}. */
  public static Domain box(Object... nameLowerUpper) {
    if (nameLowerUpper.length == 0 || nameLowerUpper.length % 3 != 0) {
      throw new IllegalArgumentException("domain: expected name, lower, upper triples");
    }
    int n = nameLowerUpper.length / 3;
    String[] names = new String[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      names[i] = (String) nameLowerUpper[3 * i];
      lo[i] = ((Number) nameLowerUpper[3 * i + 1]).doubleValue();
      hi[i] = ((Number) nameLowerUpper[3 * i + 2]).doubleValue();
    }
    return new Domain(List.of(names), lo, hi);
  }

  public int dimension() {
    return variables.size();
  }

  /** Index of a variable; a clear error for a name the domain does not have. */
  public int indexOf(String variable) {
    int i = variables.indexOf(variable);
    if (i < 0) {
      throw new IllegalArgumentException("no variable '" + variable + "' in domain " + variables);
    }
    return i;
  }

  public double lower(int axis) {
    return lower[axis];
  }

  public double upper(int axis) {
    return upper[axis];
  }

  public double width(int axis) {
    return upper[axis] - lower[axis];
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Domain d && variables.equals(d.variables) && Arrays.equals(lower, d.lower)
        && Arrays.equals(upper, d.upper);
  }

  @Override
  public int hashCode() {
    return variables.hashCode() * 31 + Arrays.hashCode(lower) * 17 + Arrays.hashCode(upper);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < variables.size(); i++) {
      s.append(i == 0 ? "" : " × ").append(variables.get(i)).append("∈[").append(lower[i]).append(", ")
          .append(upper[i]).append(']');
    }
    return s.toString();
  }
}

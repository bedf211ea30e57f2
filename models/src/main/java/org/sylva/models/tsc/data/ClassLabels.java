package org.sylva.models.tsc.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The classes of a dataset and their indices (0..k-1), fixed by the training split so that train and test
 * use one mapping. Labels are sorted like scikit-learn's {@code LabelEncoder} on the archive's numeric
 * labels (by value when every label is a number, {@code -1 < 1 < 2 < 10}; otherwise by text).
 */
public record ClassLabels(List<String> names) {

  public ClassLabels {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a classification dataset needs at least one class");
    }
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("duplicate class names " + names);
    }
  }

  /** The sorted distinct labels of {@code labels}. */
  public static ClassLabels of(Collection<String> labels) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
    boolean numeric = distinct.stream().allMatch(Labels::isNumber);
    distinct.sort(numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder());
    return new ClassLabels(distinct);
  }

  public int size() {
    return names.size();
  }

  /** Index of a label, or -1 when the label is not a class of this dataset. */
  public int indexOf(String label) {
    return names.indexOf(label);
  }

  public String name(int index) {
    return names.get(index);
  }
}

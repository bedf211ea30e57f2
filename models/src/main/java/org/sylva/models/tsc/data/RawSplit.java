package org.sylva.models.tsc.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The cases of one archive file (a train or a test split) as read, before preprocessing.
 *
 * @param file where the cases were read from
 * @param cases the labelled cases in file order
 * @param declaredLabels the labels a {@code .ts} header declares in {@code @classLabel}, empty for {@code .tsv}
 */
public record RawSplit(Path file, List<RawSeries> cases, List<String> declaredLabels) {

  public RawSplit {
    cases = List.copyOf(cases);
    declaredLabels = List.copyOf(declaredLabels);
  }

  /** Number of dimensions (the same for every case; readers check this). */
  public int channels() {
    return cases.isEmpty() ? 0 : cases.get(0).channels().length;
  }
}

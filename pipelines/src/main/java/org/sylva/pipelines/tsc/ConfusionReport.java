package org.sylva.pipelines.tsc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sylva.models.tsc.synthetic.SyntheticDataset;
import org.sylva.models.tsc.train.ConfusionMatrix;

/**
 * Which classes each classifier confuses, summed over the runs of a (dataset, model) cell: the full matrices
 * as a long table ({@code confusion.parquet/.csv}) and, for {@code report.md}, the largest off-diagonal
 * cells. An accuracy says how often a classifier errs; this says on what (on TwoPatterns, for instance,
 * whether up-down is taken for down-up, which needs the order of two patterns far apart).
 */
final class ConfusionReport {

  /** Off-diagonal cells listed per (dataset, model) in the report. */
  static final int MOST_CONFUSED = 3;

  static final Schema SCHEMA = SchemaBuilder.record("TscConfusion").namespace("org.sylva.tsc").fields()
      .requiredString("dataset").requiredString("model").requiredInt("runs").requiredString("true_class")
      .requiredString("predicted_class").requiredInt("count").endRecord();

  static final Schema MOST_CONFUSED_SCHEMA = SchemaBuilder.record("TscMostConfused").namespace("org.sylva.tsc")
      .fields().requiredString("dataset").requiredString("model").requiredString("true_class")
      .requiredString("predicted_as").requiredInt("cases").requiredDouble("share_of_class").endRecord();

  /** The summed matrix of one (dataset, model) and over how many runs. */
  record Cell(String dataset, String model, int runs, ConfusionMatrix matrix) {}

  private ConfusionReport() {}

  /** Per (dataset, model), in dataset then model order, the matrices of its runs added up. */
  static List<Cell> cells(List<TscRunResult> results) {
    List<Cell> cells = new ArrayList<>();
    for (List<TscRunResult> runs : TscReports.byCell(results).values()) {
      TscTask task = runs.get(0).task();
      cells.add(new Cell(task.dataset(), task.model(), runs.size(),
          ConfusionMatrix.sum(runs.stream().map(TscRunResult::confusion).toList())));
    }
    return cells;
  }

  /** Every cell of every matrix, zeros included, so a pivot gives the square matrix back. */
  static List<GenericRecord> rows(List<Cell> cells) {
    List<GenericRecord> rows = new ArrayList<>();
    for (Cell c : cells) {
      List<String> classes = c.matrix().classes();
      for (int t = 0; t < classes.size(); t++) {
        for (int p = 0; p < classes.size(); p++) {
          GenericRecord row = new GenericData.Record(SCHEMA);
          row.put("dataset", c.dataset());
          row.put("model", c.model());
          row.put("runs", c.runs());
          row.put("true_class", classes.get(t));
          row.put("predicted_class", classes.get(p));
          row.put("count", c.matrix().count(t, p));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * The {@link #MOST_CONFUSED} largest off-diagonal cells of each matrix, largest first (ties by class
   * order), with the share of the true class's test cases they hold; classes of a generated dataset are
   * named ({@code 2 (up-down)}).
   */
  static List<GenericRecord> mostConfused(List<Cell> cells) {
    List<GenericRecord> rows = new ArrayList<>();
    for (Cell c : cells) {
      ConfusionMatrix m = c.matrix();
      int k = m.classes().size();
      List<int[]> errors = new ArrayList<>();
      for (int t = 0; t < k; t++) {
        for (int p = 0; p < k; p++) {
          if (t != p && m.count(t, p) > 0) {
            errors.add(new int[] {t, p});
          }
        }
      }
      errors.sort(Comparator.comparingInt((int[] e) -> -m.count(e[0], e[1])));
      for (int[] e : errors.subList(0, Math.min(MOST_CONFUSED, errors.size()))) {
        int classCases = IntStream.range(0, k).map(p -> m.count(e[0], p)).sum();
        GenericRecord row = new GenericData.Record(MOST_CONFUSED_SCHEMA);
        row.put("dataset", c.dataset());
        row.put("model", c.model());
        row.put("true_class", displayName(c.dataset(), m.classes(), e[0]));
        row.put("predicted_as", displayName(c.dataset(), m.classes(), e[1]));
        row.put("cases", m.count(e[0], e[1]));
        row.put("share_of_class", m.count(e[0], e[1]) / (double) classCases);
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The label, followed by the generator's name for it when the dataset is one Sylva generates and its
   * labels are the archive's {@code 1..k}, which the generators number as the archive does.
   */
  static String displayName(String dataset, List<String> labels, int index) {
    String label = labels.get(index);
    List<String> expected = IntStream.rangeClosed(1, labels.size()).mapToObj(Integer::toString).toList();
    return SyntheticDataset.byArchiveName(dataset)
        .map(d -> d.generator().classNames())
        .filter(names -> names.size() == labels.size() && labels.equals(expected))
        .map(names -> label + " (" + names.get(index) + ")")
        .orElse(label);
  }
}

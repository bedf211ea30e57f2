package org.sylva.pipelines.tsc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sylva.models.io.AtomicFiles;
import org.sylva.pipelines.common.ResultTables;
import org.sylva.pipelines.tsc.ranking.CriticalDifferenceDiagram;
import org.sylva.pipelines.tsc.ranking.RankAnalysis;

/**
 * Turns the benchmark's per-run results into the files of the run folder:
 *
 * <ul>
 *   <li>{@code accuracy_runs.*}: one row per (dataset, model, run);</li>
 *   <li>{@code accuracy.*}: mean ± sample standard deviation over runs, beside the published accuracy;</li>
 *   <li>{@code history.parquet/.csv}: loss, training accuracy and learning rate per epoch of every network;</li>
 *   <li>{@code confusion.parquet/.csv}: test cases by true and predicted class, summed over runs
 *       ({@link ConfusionReport});</li>
 *   <li>with at least 3 datasets and 2 models: {@code ranking.*} (average ranks), {@code pairwise.*}
 *       (Wilcoxon–Holm), {@code ranking_tests.json} (Friedman, Iman–Davenport, Nemenyi CD) and
 *       {@code cd_diagram.png};</li>
 *   <li>{@code report.md}, the tables together, with the classes each model confuses most.</li>
 * </ul>
 *
 * Tables are Parquet with CSV, JSON and Markdown twins ({@link ResultTables}); every file is written
 * atomically, and rows are sorted so the same results give the same bytes.
 */
public final class TscReports {

  /** Significance level of the ranking tests, as in the paper. */
  public static final double ALPHA = 0.05;
  /** The ranking needs this many datasets, as the issue asks. */
  public static final int MIN_DATASETS_FOR_RANKING = 3;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final Schema RUNS = SchemaBuilder.record("TscRun").namespace("org.sylva.tsc").fields()
      .requiredString("dataset").requiredString("model").requiredInt("run").requiredLong("seed")
      .requiredDouble("accuracy").requiredInt("epochs").requiredInt("batch_size").requiredInt("best_epoch")
      .requiredDouble("best_train_loss").requiredDouble("final_learning_rate").requiredDouble("train_seconds")
      .requiredInt("n_train").requiredInt("n_test").requiredInt("length").requiredInt("channels")
      .requiredInt("classes").endRecord();

  static final Schema AGGREGATE = SchemaBuilder.record("TscAccuracy").namespace("org.sylva.tsc").fields()
      .requiredString("dataset").requiredString("model").requiredInt("runs")
      .requiredDouble("accuracy_mean").optionalDouble("accuracy_std")
      .optionalDouble("published_accuracy").optionalDouble("published_std").optionalDouble("difference_points")
      .optionalString("published_source").endRecord();

  static final Schema HISTORY = SchemaBuilder.record("TscEpoch").namespace("org.sylva.tsc").fields()
      .requiredString("dataset").requiredString("model").requiredInt("run").requiredInt("member")
      .requiredInt("epoch").requiredDouble("loss").requiredDouble("train_accuracy").requiredDouble("learning_rate")
      .endRecord();

  static final Schema RANKING = SchemaBuilder.record("TscRank").namespace("org.sylva.tsc").fields()
      .requiredString("model").requiredDouble("average_rank").requiredDouble("mean_accuracy").requiredInt("wins")
      .requiredInt("datasets").endRecord();

  static final Schema PAIRWISE = SchemaBuilder.record("TscPair").namespace("org.sylva.tsc").fields()
      .requiredString("model_a").requiredString("model_b").requiredDouble("wilcoxon_p")
      .requiredDouble("holm_threshold").requiredBoolean("significant").endRecord();

  private TscReports() {}

  /** Writes every report file for {@code results} into {@code runDir}; returns the names written. */
  public static List<String> write(Path runDir, List<TscRunResult> results) throws IOException {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results to report");
    }
    List<TscRunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing((TscRunResult r) -> r.task().dataset())
        .thenComparing(r -> r.task().model()).thenComparingInt(r -> r.task().run()));
    List<String> written = new ArrayList<>();
    ResultTables.writeAll(runDir, "accuracy_runs", RUNS, runRows(sorted), 4);
    written.add("accuracy_runs");
    List<GenericRecord> aggregate = aggregateRows(sorted);
    ResultTables.writeAll(runDir, "accuracy", AGGREGATE, aggregate, 4);
    written.add("accuracy");
    List<GenericRecord> history = historyRows(sorted);
    ResultTables.writeParquet(runDir.resolve("history.parquet"), HISTORY, history);
    AtomicFiles.writeString(runDir.resolve("history.csv"), ResultTables.toCsv(HISTORY, history));
    written.add("history");
    List<ConfusionReport.Cell> confusion = ConfusionReport.cells(sorted);
    List<GenericRecord> confusionRows = ConfusionReport.rows(confusion);
    ResultTables.writeParquet(runDir.resolve("confusion.parquet"), ConfusionReport.SCHEMA, confusionRows);
    AtomicFiles.writeString(runDir.resolve("confusion.csv"), ResultTables.toCsv(ConfusionReport.SCHEMA, confusionRows));
    written.add("confusion");

    StringBuilder report = new StringBuilder("# Time-series classification benchmark\n\n## Test accuracy\n\n")
        .append(ResultTables.toMarkdown(AGGREGATE, aggregate, 4));
    Optional<RankAnalysis> ranking = ranking(sorted);
    if (ranking.isPresent()) {
      RankAnalysis a = ranking.get();
      List<GenericRecord> ranks = rankRows(a);
      List<GenericRecord> pairs = pairRows(a);
      ResultTables.writeAll(runDir, "ranking", RANKING, ranks, 3);
      ResultTables.writeAll(runDir, "pairwise", PAIRWISE, pairs, 4);
      AtomicFiles.writeString(runDir.resolve("ranking_tests.json"), JSON.writeValueAsString(testSummary(a)) + "\n");
      CriticalDifferenceDiagram.write(runDir.resolve("cd_diagram.png"), a,
          "Critical difference diagram, test accuracy");
      written.addAll(List.of("ranking", "pairwise", "ranking_tests.json", "cd_diagram.png"));
      report.append("\n## Ranking\n\n").append(ResultTables.toMarkdown(RANKING, ranks, 3))
          .append("\n").append(friedmanSentence(a)).append("\n\n### Pairwise Wilcoxon signed-rank tests, Holm-corrected\n\n")
          .append(ResultTables.toMarkdown(PAIRWISE, pairs, 4)).append("\n![critical difference diagram](cd_diagram.png)\n");
    } else {
      report.append("\nNo ranking: it needs at least ").append(MIN_DATASETS_FOR_RANKING)
          .append(" datasets and 2 models.\n");
    }
    List<GenericRecord> mostConfused = ConfusionReport.mostConfused(confusion);
    report.append("\n## Most confused classes\n\n");
    if (mostConfused.isEmpty()) {
      report.append("Every test case was classified right.\n");
    } else {
      report.append("Per dataset and model, summed over runs, the largest off-diagonal cells of the confusion matrix "
          + "(all cells in `confusion.parquet`).\n\n")
          .append(ResultTables.toMarkdown(ConfusionReport.MOST_CONFUSED_SCHEMA, mostConfused, 4));
    }
    AtomicFiles.writeString(runDir.resolve("report.md"), report.toString());
    written.add("report.md");
    return written;
  }

  /** The critical-difference analysis of the mean accuracies, when there are enough datasets and models. */
  public static Optional<RankAnalysis> ranking(List<TscRunResult> results) {
    List<String> datasets = new ArrayList<>(new LinkedHashSet<>(results.stream().map(r -> r.task().dataset()).sorted().toList()));
    List<String> models = new ArrayList<>(new LinkedHashSet<>(results.stream().map(r -> r.task().model()).sorted().toList()));
    if (datasets.size() < MIN_DATASETS_FOR_RANKING || models.size() < 2) {
      return Optional.empty();
    }
    Map<String, double[]> means = meanAccuracies(results);
    double[][] table = new double[datasets.size()][models.size()];
    for (int i = 0; i < datasets.size(); i++) {
      for (int j = 0; j < models.size(); j++) {
        double[] stats = means.get(datasets.get(i) + "/" + models.get(j));
        if (stats == null) {
          throw new IllegalStateException("no result for " + datasets.get(i) + "/" + models.get(j));
        }
        table[i][j] = stats[0];
      }
    }
    return Optional.of(RankAnalysis.of(datasets, models, table, ALPHA));
  }

  /** {@code dataset/model -> {mean, sample std (NaN for one run), runs}}, in sorted key order. */
  static Map<String, double[]> meanAccuracies(List<TscRunResult> results) {
    Map<String, double[]> stats = new LinkedHashMap<>();
    byCell(results).forEach((key, runs) -> {
      List<Double> values = runs.stream().map(TscRunResult::accuracy).toList();
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double std = Double.NaN;
      if (values.size() > 1) {
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        std = Math.sqrt(ss / (values.size() - 1));
      }
      stats.put(key, new double[] {mean, std, values.size()});
    });
    return stats;
  }

  /** The runs of each (dataset, model), keyed {@code dataset/model}, in dataset then model order. */
  static Map<String, List<TscRunResult>> byCell(List<TscRunResult> results) {
    Map<String, List<TscRunResult>> groups = new LinkedHashMap<>();
    results.stream().sorted(Comparator.comparing((TscRunResult r) -> r.task().dataset()).thenComparing(r -> r.task().model()))
        .forEach(r -> groups.computeIfAbsent(r.task().dataset() + "/" + r.task().model(), k -> new ArrayList<>()).add(r));
    return groups;
  }

  private static List<GenericRecord> runRows(List<TscRunResult> results) {
    List<GenericRecord> rows = new ArrayList<>();
    for (TscRunResult r : results) {
      TscRunResult.MemberHistory first = r.members().get(0);
      GenericRecord row = new GenericData.Record(RUNS);
      row.put("dataset", r.task().dataset());
      row.put("model", r.task().model());
      row.put("run", r.task().run());
      row.put("seed", r.task().seed());
      row.put("accuracy", r.accuracy());
      row.put("epochs", r.epochs());
      row.put("batch_size", r.batchSize());
      row.put("best_epoch", first.bestEpoch());
      row.put("best_train_loss", first.bestLoss());
      row.put("final_learning_rate", first.learningRate()[first.learningRate().length - 1]);
      row.put("train_seconds", r.trainSeconds());
      row.put("n_train", r.trainSize());
      row.put("n_test", r.testSize());
      row.put("length", r.length());
      row.put("channels", r.channels());
      row.put("classes", r.classes());
      rows.add(row);
    }
    return rows;
  }

  private static List<GenericRecord> aggregateRows(List<TscRunResult> results) {
    List<GenericRecord> rows = new ArrayList<>();
    meanAccuracies(results).forEach((key, stats) -> {
      String dataset = key.substring(0, key.indexOf('/'));
      String model = key.substring(key.indexOf('/') + 1);
      GenericRecord row = new GenericData.Record(AGGREGATE);
      row.put("dataset", dataset);
      row.put("model", model);
      row.put("runs", (int) stats[2]);
      row.put("accuracy_mean", stats[0]);
      row.put("accuracy_std", Double.isNaN(stats[1]) ? null : stats[1]);
      PublishedAccuracy.lookup(dataset, model).ifPresent(p -> {
        row.put("published_accuracy", p.accuracy());
        row.put("published_std", p.std());
        row.put("difference_points", 100 * (stats[0] - p.accuracy()));
        row.put("published_source", p.source());
      });
      rows.add(row);
    });
    return rows;
  }

  private static List<GenericRecord> historyRows(List<TscRunResult> results) {
    List<GenericRecord> rows = new ArrayList<>();
    for (TscRunResult r : results) {
      for (TscRunResult.MemberHistory m : r.members()) {
        for (int e = 0; e < m.loss().length; e++) {
          GenericRecord row = new GenericData.Record(HISTORY);
          row.put("dataset", r.task().dataset());
          row.put("model", r.task().model());
          row.put("run", r.task().run());
          row.put("member", m.member());
          row.put("epoch", e + 1);
          row.put("loss", m.loss()[e]);
          row.put("train_accuracy", m.accuracy()[e]);
          row.put("learning_rate", m.learningRate()[e]);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<GenericRecord> rankRows(RankAnalysis a) {
    List<GenericRecord> rows = new ArrayList<>();
    for (int j : a.order()) {
      int wins = 0;
      double sum = 0;
      for (double[] row : a.accuracy()) {
        double best = java.util.Arrays.stream(row).max().orElseThrow();
        wins += row[j] == best ? 1 : 0;
        sum += row[j];
      }
      GenericRecord r = new GenericData.Record(RANKING);
      r.put("model", a.models().get(j));
      r.put("average_rank", a.averageRanks()[j]);
      r.put("mean_accuracy", sum / a.accuracy().length);
      r.put("wins", wins);
      r.put("datasets", a.datasets().size());
      rows.add(r);
    }
    return rows;
  }

  private static List<GenericRecord> pairRows(RankAnalysis a) {
    List<GenericRecord> rows = new ArrayList<>();
    for (RankAnalysis.Pair p : a.pairwise()) {
      GenericRecord r = new GenericData.Record(PAIRWISE);
      r.put("model_a", p.modelA());
      r.put("model_b", p.modelB());
      r.put("wilcoxon_p", p.pValue());
      r.put("holm_threshold", p.holmThreshold());
      r.put("significant", p.significant());
      rows.add(r);
    }
    return rows;
  }

  static Map<String, Object> testSummary(RankAnalysis a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("datasets", a.datasets());
    m.put("models", a.models());
    m.put("alpha", a.alpha());
    Map<String, Object> ranks = new LinkedHashMap<>();
    for (int j : a.order()) {
      ranks.put(a.models().get(j), a.averageRanks()[j]);
    }
    m.put("averageRanks", ranks);
    if (a.friedman() != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("chiSquare", a.friedman().chiSquare());
      f.put("degreesOfFreedom", a.friedman().degreesOfFreedom());
      f.put("pValue", a.friedman().pValue());
      f.put("imanDavenportF", finite(a.friedman().imanDavenportF()));
      f.put("imanDavenportPValue", finite(a.friedman().imanDavenportPValue()));
      m.put("friedman", f);
    }
    m.put("nemenyiCriticalDifference", finite(a.nemenyiCriticalDifference()));
    m.put("cliques", a.cliques().stream().map(c -> c.stream().map(a.models()::get).toList()).toList());
    m.put("method", "average ranks of mean test accuracy (1 = best, ties averaged); Friedman chi-square with tie "
        + "correction; pairwise two-sided Wilcoxon signed-rank (Pratt zeros, normal approximation) with Holm "
        + "correction at alpha; Nemenyi CD = q_alpha * sqrt(k(k+1)/(6N))");
    return m;
  }

  private static String friedmanSentence(RankAnalysis a) {
    if (a.friedman() == null) {
      return "Friedman test: needs at least 3 models.";
    }
    return String.format(Locale.ROOT, "Friedman χ² = %.3f (df %d), p = %.4g; Nemenyi CD (α = %.2f) = %.3f.",
        a.friedman().chiSquare(), a.friedman().degreesOfFreedom(), a.friedman().pValue(), a.alpha(),
        a.nemenyiCriticalDifference());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

package org.sylva.physics.train;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sylva.models.io.AtomicFiles;
import org.sylva.models.plot.Charts;

/**
 * Loss per training step: the weighted total and each unweighted term, with the phase (Adam, L-BFGS) and
 * the wall time. Saved as CSV and as a log-scale PNG chart.
 */
public final class LossHistory implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One recorded step. */
  public record Row(int step, String phase, double seconds, double loss, double[] terms) implements Serializable {}

  private final List<String> termNames;
  private final List<Row> rows = new ArrayList<>();

  public LossHistory(List<String> termNames) {
    this.termNames = List.copyOf(termNames);
  }

  public void add(int step, String phase, double seconds, double loss, Map<String, Double> terms) {
    double[] values = new double[termNames.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = terms.getOrDefault(termNames.get(i), Double.NaN);
    }
    rows.add(new Row(step, phase, seconds, loss, values));
  }

  public List<String> termNames() {
    return termNames;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public String toCsv() {
    StringBuilder csv = new StringBuilder("step,phase,seconds,loss");
    termNames.forEach(t -> csv.append(',').append(t));
    csv.append('\n');
    for (Row r : rows) {
      csv.append(r.step()).append(',').append(r.phase()).append(',')
          .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append(',').append(r.loss());
      for (double t : r.terms()) {
        csv.append(',').append(t);
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  public void writeCsv(Path file) throws IOException {
    AtomicFiles.writeString(file, toCsv());
  }

  /** Total and per-term loss against the step, log y axis. */
  public void writePng(Path file, String title) throws IOException {
    Map<String, double[][]> series = new LinkedHashMap<>();
    double[] steps = rows.stream().mapToDouble(Row::step).toArray();
    series.put("loss (weighted total)", new double[][] {steps, rows.stream().mapToDouble(Row::loss).toArray()});
    for (int i = 0; i < termNames.size(); i++) {
      int k = i;
      series.put(termNames.get(i), new double[][] {steps, rows.stream().mapToDouble(r -> r.terms()[k]).toArray()});
    }
    Charts.lines(file, title, "step (Adam, then L-BFGS iterations)", "mean squared loss", series, true);
  }
}

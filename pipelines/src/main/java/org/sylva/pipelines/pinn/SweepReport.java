package org.sylva.pipelines.pinn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sylva.models.io.AtomicFiles;
import org.sylva.physics.eval.EvaluationGrid;
import org.sylva.physics.eval.SolutionField;
import org.sylva.physics.pde.PdeProblem;

/**
 * The outputs of a sweep, from all its results: {@code results.{parquet,csv,json,md}} (one row per
 * configuration, sorted by index), and per PDE for its most accurate configuration the PINN solution,
 * the reference and the error field as PNGs and as one CSV ({@code best/<pde>-field.csv}), plus
 * {@code best/best.json} naming each best configuration and its loss curve.
 */
public final class SweepReport {

  public static final Schema SCHEMA = SchemaBuilder.record("PinnSweepResult").namespace("org.sylva.pinn")
      .doc("One PINN training configuration and its accuracy against the reference solution").fields()
      .requiredInt("index")
      .requiredString("pde")
      .requiredString("pde_parameters")
      .requiredInt("width")
      .requiredInt("depth")
      .requiredInt("collocation")
      .requiredInt("condition_points")
      .requiredString("weights")
      .requiredLong("seed")
      .requiredInt("adam_steps")
      .requiredInt("lbfgs_iterations")
      .requiredInt("steps")
      .requiredInt("evaluations")
      .requiredDouble("seconds")
      .requiredDouble("final_loss")
      .requiredDouble("relative_l2")
      .requiredDouble("max_abs_error")
      .requiredString("status")
      .requiredString("stop")
      .requiredString("label")
      .endRecord();

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepReport() {}

  /** Writes every output into {@code runFolder}; returns the best result per PDE. */
  public static Map<String, PinnRunResult> write(Path runFolder, List<PinnRunResult> results) throws IOException {
    List<PinnRunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(r -> r.job().index()));
    List<GenericRecord> rows = new ArrayList<>();
    for (PinnRunResult r : sorted) {
      rows.add(row(r));
    }
    org.sylva.pipelines.common.ResultTables.writeAll(runFolder, "results", SCHEMA, rows, 6);
    Map<String, PinnRunResult> best = best(sorted);
    Map<String, Object> index = new LinkedHashMap<>();
    for (PinnRunResult r : best.values()) {
      index.put(r.job().pde(), writeBest(runFolder.resolve("best"), r));
    }
    AtomicFiles.writeString(runFolder.resolve("best").resolve("best.json"), JSON.writeValueAsString(index) + "\n");
    return best;
  }

  /** The lowest relative L2 error per PDE among trainings that finished; PDE order of first appearance. */
  static Map<String, PinnRunResult> best(List<PinnRunResult> results) {
    Map<String, PinnRunResult> best = new LinkedHashMap<>();
    for (PinnRunResult r : results) {
      if (r.ok()) {
        best.merge(r.job().pde(), r, (a, b) -> b.relativeL2() < a.relativeL2() ? b : a);
      }
    }
    return best;
  }

  private static Map<String, Object> writeBest(Path dir, PinnRunResult r) throws IOException {
    String pde = r.job().pde();
    PdeProblem problem = r.job().problem();
    EvaluationGrid grid = EvaluationGrid.of(problem);
    double[][] points = grid.points();
    SolutionField field = new SolutionField(grid, r.predicted(), SolutionField.reference(problem, points));
    field.writePlots(dir, pde + "-", pde + " " + r.job().config().label());
    StringBuilder csv = new StringBuilder(String.join(",", problem.domain().variables()) + ",u_pinn,u_ref,error\n");
    float[] error = field.error();
    for (int i = 0; i < points.length; i++) {
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.7g,%.7g,%.4g%n", points[i][0], points[i][1],
          r.predicted()[i], field.reference()[i], error[i]));
    }
    AtomicFiles.writeString(dir.resolve(pde + "-field.csv"), csv.toString());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("label", r.job().label());
    entry.put("relative_l2", r.relativeL2());
    entry.put("max_abs_error", r.maxAbsError());
    entry.put("seconds", r.seconds());
    entry.put("field_csv", "best/" + pde + "-field.csv");
    entry.put("solution_png", "best/" + pde + "-solution.png");
    entry.put("reference_png", "best/" + pde + "-reference.png");
    entry.put("error_png", "best/" + pde + "-error.png");
    entry.put("loss_csv", "configs/" + r.job().label() + "/loss.csv");
    entry.put("loss_png", "configs/" + r.job().label() + "/loss.png");
    entry.put("grid", Map.of("columns", grid.columns(), "rows", grid.rows(), "horizontal", grid.horizontalName(),
        "vertical", grid.verticalName()));
    return entry;
  }

  private static GenericRecord row(PinnRunResult r) {
    var c = r.job().config();
    GenericRecord g = new GenericData.Record(SCHEMA);
    g.put("index", r.job().index());
    g.put("pde", r.job().pde());
    g.put("pde_parameters", describe(r.job().pdeParameters().isEmpty()
        ? r.job().problem().parameters() : r.job().pdeParameters()));
    g.put("width", c.width());
    g.put("depth", c.depth());
    g.put("collocation", c.collocationPoints());
    g.put("condition_points", c.conditionPoints());
    g.put("weights", c.weights().isEmpty() ? "all 1" : describe(c.weights()));
    g.put("seed", c.seed());
    g.put("adam_steps", r.adamSteps());
    g.put("lbfgs_iterations", r.lbfgsIterations());
    g.put("steps", r.steps());
    g.put("evaluations", r.evaluations());
    g.put("seconds", r.seconds());
    g.put("final_loss", r.finalLoss());
    g.put("relative_l2", r.relativeL2());
    g.put("max_abs_error", r.maxAbsError());
    g.put("status", r.status());
    g.put("stop", r.stop());
    g.put("label", r.job().label());
    return g;
  }

  private static String describe(Map<String, Double> values) {
    StringBuilder s = new StringBuilder();
    values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=')
        .append(String.format(Locale.ROOT, "%.6g", v)));
    return s.toString();
  }

  /** Rows (as read back from {@code results.json}) of the best configuration per PDE. */
  public static List<Map<String, Object>> bestRows(List<Map<String, Object>> rows) {
    Map<Object, Map<String, Object>> best = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      if (PinnRunResult.OK.equals(row.get("status"))) {
        best.merge(row.get("pde"), row, (a, b) -> ((Number) b.get("relative_l2")).doubleValue()
            < ((Number) a.get("relative_l2")).doubleValue() ? b : a);
      }
    }
    return List.copyOf(best.values());
  }
}

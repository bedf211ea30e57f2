package org.sylva.pipelines.pinn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;

/**
 * A real sweep end to end on the DirectRunner: Burgers and heat with a shortened configuration (4 × 20
 * network, 2000 points, 300 Adam steps + 500 L-BFGS iterations, about a minute on 2 cores) trained in
 * parallel, the tables, plots and manifest they leave, and the analysis notebook executed headless
 * against that run folder.
 */
class PinnPipelineTest {

  @TempDir static Path runs;
  static PinnPipeline.Outcome outcome;

  @BeforeAll
  static void sweep() throws IOException {
    outcome = PinnPipeline.run(SweepSpecTest.options("--outputDir=" + runs, "--runName=test", "--pdes=burgers,heat",
        "--widths=20", "--depths=4", "--collocation=2000", "--conditionPoints=100", "--seeds=1",
        "--adamSteps=300", "--lbfgsIterations=500"));
  }

  @Test
  void everyConfigurationIsTrainedAndMeasured() {
    List<Map<String, Object>> rows = outcome.rows();
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r.get("pde")).containsExactly("burgers", "heat");
    for (Map<String, Object> row : rows) {
      assertThat(row.get("status")).isEqualTo("ok");
      assertThat(row.get("adam_steps")).isEqualTo(300);
      // L-BFGS may stop early once the float32 loss no longer changes.
      assertThat((Integer) row.get("lbfgs_iterations")).isBetween(100, 500);
    }
    // Heat converges in 800 steps: measured ≈ 5e-4. Burgers does not: resolving the shock takes thousands
    // of L-BFGS iterations (the default profile, 3500 steps on 5000 points, measured 2.2e-3 with the CLI;
    // 800 steps here measured 0.20–0.24 over seeds, 2000 steps on 1000 points still 0.11–0.16). So the
    // Burgers bound only says the network learnt the solution's large-scale shape: untrained it is ≈ 1.
    assertThat(relativeL2(rows.get(1))).isLessThan(1e-2);
    assertThat(relativeL2(rows.get(0))).isLessThan(0.5);
  }

  private static double relativeL2(Map<String, Object> row) {
    return ((Number) row.get("relative_l2")).doubleValue();
  }

  @Test
  void writesTablesPlotsLossCurvesAndManifest() throws IOException {
    Path run = outcome.runFolder();
    for (String file : new String[] {"results.parquet", "results.csv", "results.json", "results.md", "run.json",
        "best/best.json", "best/burgers-solution.png", "best/burgers-reference.png", "best/burgers-error.png",
        "best/burgers-field.csv"}) {
      assertThat(run.resolve(file)).isNotEmptyFile();
    }
    JsonNode best = new ObjectMapper().readTree(run.resolve("best/best.json").toFile()).get("burgers");
    assertThat(run.resolve(best.get("loss_png").asText())).isNotEmptyFile();
    List<String> loss = Files.readAllLines(run.resolve(best.get("loss_csv").asText()));
    assertThat(loss.get(0)).isEqualTo("step,phase,seconds,loss,residual,initial,boundary");
    assertThat(loss).anyMatch(l -> l.contains(",lbfgs,"));
    assertThat(Files.readAllLines(run.resolve("best/burgers-field.csv"))).hasSize(1 + 256 * 100);
    assertThat(Files.readString(run.resolve("results.md"))).startsWith("| index | pde |").contains("burgers");
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
    assertThat(manifest.get("pipeline").asText()).isEqualTo("pinn");
    assertThat(manifest.get("options").get("pdes").toString()).isEqualTo("[\"burgers\",\"heat\"]");
    assertThat(Files.list(run.resolve("configs")).count()).isEqualTo(2);
  }

  @Test
  void notebookRunsHeadlessOnTheRunFolder() throws IOException {
    ExternalTools.requirePythonModules("nbconvert", "nbclient", "ipykernel", "pandas", "matplotlib");
    Path notebook = Path.of(System.getProperty("user.dir")).getParent().resolve("notebooks/pinn_burgers.ipynb");
    assertThat(notebook).exists();
    Path executed = runs.resolve("pinn_burgers.executed.ipynb");
    ProcessBuilder pb = new ProcessBuilder(ExternalTools.PYTHON.toString(), "-m", "nbconvert", "--to", "notebook",
        "--execute", "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=300",
        "--output-dir", runs.toString(), "--output", "pinn_burgers.executed", notebook.toString());
    pb.environment().put("SYLVA_PINN_RUN", outcome.runFolder().toString());
    pb.redirectErrorStream(true);
    Process process = pb.start();
    String log = new String(process.getInputStream().readAllBytes());
    try {
      assertThat(process.waitFor()).as("nbconvert output:%n%s", log).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String cells = Files.readString(executed);
    // Debian's interpreter ran it, it found the run and it drew the figures.
    assertThat(cells).contains("/usr/bin/python3").contains(outcome.runFolder().getFileName().toString())
        .contains("image/png").contains("relative L2 recomputed here").doesNotContain("\"output_type\": \"error\"");
  }
}

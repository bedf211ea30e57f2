package org.sylva.pipelines.tsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/**
 * {@code sylva tsc} end to end on a small archive of the three generated datasets (few cases, 2 epochs: a
 * test of the pipeline, not of accuracy), then the results notebook executed headless on its run folder.
 */
class TscPipelineTest {

  @TempDir static Path dir;
  private static Path runDir;
  private static int exitCode;
  private static String errors;

  private static int torchThreads;

  @BeforeAll
  static void runPipeline() throws Exception {
    torchThreads = TorchThreads.get(); // the pipeline sets PyTorch's process-wide thread count; restored below
    Path archive = dir.resolve("archive");
    SyntheticArchive.write(archive, SyntheticDataset.CBF, 1, 12, 12);
    SyntheticArchive.write(archive, SyntheticDataset.SYNTHETIC_CONTROL, 1, 12, 12);
    SyntheticArchive.write(archive, SyntheticDataset.TWO_PATTERNS, 1, 16, 16);
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    exitCode = cli.execute("tsc", "--archive", archive.toString(), "--models", "FCN,MLP", "--runs", "2",
        "--epochs", "2", "--outputDir", dir.toString(), "--runName", "quick", "--seed", "5",
        "--cellParallelism=2");
    errors = err.toString();
    runDir = dir.resolve("quick");
  }

  @AfterAll
  static void restoreThreads() {
    TorchThreads.set(torchThreads);
  }

  @Test
  void writesTablesRankingDiagramAndManifest() throws Exception {
    assertThat(exitCode).as(errors).isZero();
    JsonNode runs = new ObjectMapper().readTree(runDir.resolve("accuracy_runs.json").toFile());
    assertThat(runs).hasSize(3 * 2 * 2);
    for (JsonNode r : runs) {
      assertThat(r.get("epochs").asInt()).isEqualTo(2);
      assertThat(r.get("accuracy").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(new ObjectMapper().readTree(runDir.resolve("accuracy.json").toFile())).hasSize(6);
    assertThat(Files.readAllLines(runDir.resolve("ranking.csv"))).hasSize(3);
    assertThat(runDir.resolve("cd_diagram.png")).isNotEmptyFile();
    // the confusion matrices count every test case of every run, and their diagonals give the accuracies
    Map<String, int[]> totalAndRight = new TreeMap<>();
    List<String> confusion = Files.readAllLines(runDir.resolve("confusion.csv"));
    for (String line : confusion.subList(1, confusion.size())) {
      String[] f = line.split(","); // dataset,model,runs,true_class,predicted_class,count
      int[] cell = totalAndRight.computeIfAbsent(f[0] + "/" + f[1], k -> new int[2]);
      int count = Integer.parseInt(f[5]);
      cell[0] += count;
      cell[1] += f[3].equals(f[4]) ? count : 0;
    }
    assertThat(totalAndRight).hasSize(6);
    for (JsonNode a : new ObjectMapper().readTree(runDir.resolve("accuracy.json").toFile())) {
      int[] cell = totalAndRight.get(a.get("dataset").asText() + "/" + a.get("model").asText());
      int testSize = a.get("dataset").asText().equals("TwoPatterns") ? 16 : 12;
      assertThat(cell[0]).isEqualTo(2 * testSize);
      assertThat(cell[1] / (double) cell[0]).isCloseTo(a.get("accuracy_mean").asDouble(), within(1e-12));
    }
    JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
    assertThat(manifest.get("pipeline").asText()).isEqualTo("tsc");
    assertThat(manifest.get("seed").asLong()).isEqualTo(5);
    assertThat(manifest.get("inputs").get("datasets")).hasSize(3);
    assertThat(manifest.get("options").get("models").toString()).contains("FCN", "MLP");
    assertThat(manifest.get("outputs").get("rankingTests").get("averageRanks")).hasSize(2);
    assertThat(manifest.get("stageSeconds").has("train, test and report")).isTrue();
  }

  @Test
  void sameSeedSameAccuracies() throws Exception {
    assertThat(exitCode).as(errors).isZero();
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    int again = cli.execute("tsc", "--archive", dir.resolve("archive").toString(), "--models", "FCN,MLP", "--runs",
        "2", "--epochs", "2", "--outputDir", dir.toString(), "--runName", "again", "--seed", "5");
    assertThat(again).isZero();
    // accuracies and per-epoch losses are equal; only training times differ between the two runs
    for (String table : List.of("accuracy.csv", "history.csv", "ranking.csv")) {
      assertThat(Files.readAllLines(dir.resolve("again").resolve(table))).as(table)
          .isEqualTo(Files.readAllLines(runDir.resolve(table)));
    }
    List<String> a = Files.readAllLines(runDir.resolve("accuracy.csv"));
    List<String> b = Files.readAllLines(dir.resolve("again/accuracy.csv"));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void notebookRunsOnTheRunFolder() throws Exception {
    assertThat(exitCode).as(errors).isZero();
    ExternalTools.requirePythonModules("nbconvert", "nbclient", "ipykernel", "pandas", "matplotlib");
    Path notebook = notebook();
    Path executed = dir.resolve("executed");
    ExternalTools.runChecked(List.of("/usr/bin/env", "SYLVA_TSC_RUN=" + runDir, ExternalTools.PYTHON.toString(),
        "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=python3",
        "--ExecutePreprocessor.timeout=600", "--output-dir", executed.toString(), "--output", "tsc_results",
        notebook.toString()), 900);
    JsonNode nb = new ObjectMapper().readTree(executed.resolve("tsc_results.ipynb").toFile());
    StringBuilder text = new StringBuilder();
    int images = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        assertThat(output.get("output_type").asText()).as(output.toString()).isNotEqualTo("error");
        text.append(output.path("text").toString());
        images += output.path("data").has("image/png") ? 1 : 0;
      }
    }
    assertThat(text.toString()).contains("python: /usr/bin/python3", "run folder: " + runDir.toRealPath());
    assertThat(images).isGreaterThanOrEqualTo(4); // accuracy bars, CD diagram, loss curves, confusion matrices
  }

  private static Path notebook() {
    Path path = Path.of("").toAbsolutePath();
    while (path != null && !Files.exists(path.resolve("notebooks/tsc_results.ipynb"))) {
      path = path.getParent();
    }
    assertThat(path).as("notebooks/tsc_results.ipynb above " + Path.of("").toAbsolutePath()).isNotNull();
    return path.resolve("notebooks/tsc_results.ipynb");
  }
}

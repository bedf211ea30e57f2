package org.sylva.pipelines.tsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.tsc.train.ConfusionMatrix;

class TscReportsTest {

  @TempDir Path dir;

  private static final List<String> CLASSES = List.of("1", "2", "3");

  /** A run on 900 test cases, 300 per class, whose errors all take class 2 for class 3. */
  private static TscRunResult result(String dataset, String model, int run, double accuracy) {
    TscRunResult.MemberHistory history = new TscRunResult.MemberHistory(0, new double[] {0.9, 0.4, 0.5},
        new double[] {0.5, 0.8, 0.7}, new double[] {1e-3, 1e-3, 5e-4}, 2, 0.4);
    int errors = (int) Math.round((1 - accuracy) * 900);
    ConfusionMatrix confusion = new ConfusionMatrix(CLASSES,
        new int[][] {{300, 0, 0}, {0, 300 - errors, errors}, {0, 0, 300}});
    return new TscRunResult(new TscTask(dataset, model, run, 100 + run), accuracy, 3, 16, 30, 900, 128, 1, 3, 1.5,
        List.of(history), confusion);
  }

  private static List<TscRunResult> results() {
    List<TscRunResult> results = new ArrayList<>();
    String[] datasets = {"CBF", "SyntheticControl", "TwoPatterns"};
    double[][] accuracy = {{0.99, 0.97}, {0.98, 0.99}, {0.87, 1.0}};
    for (int d = 0; d < 3; d++) {
      results.add(result(datasets[d], "FCN", 1, accuracy[d][0]));
      results.add(result(datasets[d], "FCN", 2, accuracy[d][0] - 0.02));
      results.add(result(datasets[d], "ResNet", 1, accuracy[d][1]));
      results.add(result(datasets[d], "ResNet", 2, accuracy[d][1]));
    }
    return results;
  }

  @Test
  void writesTablesWithMeanStdAndPublishedAccuracy() throws Exception {
    List<String> written = TscReports.write(dir, results());
    assertThat(written).contains("accuracy", "accuracy_runs", "history", "ranking", "cd_diagram.png", "report.md");
    for (String table : List.of("accuracy", "accuracy_runs", "ranking", "pairwise")) {
      for (String ext : List.of(".parquet", ".csv", ".json", ".md")) {
        assertThat(dir.resolve(table + ext)).isNotEmptyFile();
      }
    }
    JsonNode accuracy = new ObjectMapper().readTree(dir.resolve("accuracy.json").toFile());
    assertThat(accuracy).hasSize(6);
    JsonNode cbfFcn = accuracy.get(0);
    assertThat(cbfFcn.get("dataset").asText()).isEqualTo("CBF");
    assertThat(cbfFcn.get("model").asText()).isEqualTo("FCN");
    assertThat(cbfFcn.get("runs").asInt()).isEqualTo(2);
    assertThat(cbfFcn.get("accuracy_mean").asDouble()).isCloseTo(0.98, within(1e-12));
    assertThat(cbfFcn.get("accuracy_std").asDouble()).isCloseTo(0.02 / Math.sqrt(2), within(1e-12)); // sample std
    assertThat(cbfFcn.get("published_accuracy").asDouble()).isEqualTo(0.994);
    assertThat(cbfFcn.get("difference_points").asDouble()).isCloseTo(-1.4, within(1e-9));
    assertThat(cbfFcn.get("published_source").asText()).contains("Fawaz et al. 2019");
    assertThat(accuracy.get(1).get("accuracy_std").asDouble()).isZero();

    assertThat(Files.readAllLines(dir.resolve("accuracy_runs.csv"))).hasSize(13);
    assertThat(Files.readAllLines(dir.resolve("history.csv"))).hasSize(1 + 12 * 3);
    JsonNode tests = new ObjectMapper().readTree(dir.resolve("ranking_tests.json").toFile());
    assertThat(tests.get("averageRanks").get("ResNet").asDouble()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(tests.has("friedman")).isFalse(); // two models: Friedman needs three
    BufferedImage png = ImageIO.read(dir.resolve("cd_diagram.png").toFile());
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Ranking", "cd_diagram.png");
  }

  @Test
  void confusionTablesSumTheRunsAndTheReportNamesTheMostConfusedClasses() throws Exception {
    TscReports.write(dir, results());
    List<String> csv = Files.readAllLines(dir.resolve("confusion.csv"));
    assertThat(csv).hasSize(1 + 6 * 9); // every cell of six 3x3 matrices
    assertThat(csv.get(0)).isEqualTo("dataset,model,runs,true_class,predicted_class,count");
    // CBF/FCN: 0.99 and 0.97 on 900 cases are 9 + 27 errors, all class 2 taken for class 3, over 2 runs
    assertThat(csv).contains("CBF,FCN,2,2,3,36", "CBF,FCN,2,2,2,564", "CBF,FCN,2,1,1,600");
    assertThat(dir.resolve("confusion.parquet")).isNotEmptyFile();
    String report = Files.readString(dir.resolve("report.md"));
    assertThat(report).contains("## Most confused classes");
    report = report.substring(report.indexOf("## Most confused classes"));
    // CBF is generated with the archive's labels, so its classes are named; 36 of 600 class-2 cases is 6 %
    assertThat(report).containsPattern("\\| CBF \\| FCN \\| 2 \\(bell\\) \\| 3 \\(funnel\\) \\| 36 \\| 0\\.06(00)? \\|");
    // TwoPatterns has four classes, these toy results three: labels only
    assertThat(report).contains("| TwoPatterns | FCN | 2 | 3 | 252 |");
    // ResNet on TwoPatterns made no error in either run
    assertThat(report).doesNotContain("| TwoPatterns | ResNet |");
  }

  @Test
  void sameResultsSameBytes() throws Exception {
    List<TscRunResult> results = results();
    TscReports.write(dir.resolve("a"), results);
    List<TscRunResult> shuffled = new ArrayList<>(results);
    java.util.Collections.reverse(shuffled); // arrival order from the workers does not matter
    TscReports.write(dir.resolve("b"), shuffled);
    for (String f : List.of("accuracy.csv", "accuracy_runs.md", "ranking.json", "pairwise.csv", "cd_diagram.png",
        "history.csv", "confusion.csv", "report.md")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
  }

  @Test
  void noRankingBelowThreeDatasets() throws Exception {
    List<TscRunResult> two = results().stream().filter(r -> !r.task().dataset().equals("TwoPatterns")).toList();
    List<String> written = TscReports.write(dir, two);
    assertThat(written).doesNotContain("ranking", "cd_diagram.png");
    assertThat(dir.resolve("cd_diagram.png")).doesNotExist();
    assertThat(Files.readString(dir.resolve("report.md"))).contains("No ranking: it needs at least 3 datasets");
  }
}

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

class TscReportsTest {

  @TempDir Path dir;

  private static TscRunResult result(String dataset, String model, int run, double accuracy) {
    TscRunResult.MemberHistory history = new TscRunResult.MemberHistory(0, new double[] {0.9, 0.4, 0.5},
        new double[] {0.5, 0.8, 0.7}, new double[] {1e-3, 1e-3, 5e-4}, 2, 0.4);
    return new TscRunResult(new TscTask(dataset, model, run, 100 + run), accuracy, 3, 16, 30, 900, 128, 1, 3, 1.5,
        List.of(history));
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
  void sameResultsSameBytes() throws Exception {
    List<TscRunResult> results = results();
    TscReports.write(dir.resolve("a"), results);
    List<TscRunResult> shuffled = new ArrayList<>(results);
    java.util.Collections.reverse(shuffled); // arrival order from the workers does not matter
    TscReports.write(dir.resolve("b"), shuffled);
    for (String f : List.of("accuracy.csv", "accuracy_runs.md", "ranking.json", "pairwise.csv", "cd_diagram.png",
        "history.csv", "report.md")) {
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

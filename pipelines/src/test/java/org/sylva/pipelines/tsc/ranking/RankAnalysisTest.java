package org.sylva.pipelines.tsc.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sylva.geo.testing.ExternalTools;

class RankAnalysisTest {

  /** Accuracies of 4 classifiers on 6 datasets, with ties (rows 2 and 5) and equal pairs (zero differences). */
  private static final double[][] TABLE = {
    {0.90, 0.95, 0.80, 0.85},
    {0.70, 0.70, 0.60, 0.75},
    {0.99, 1.00, 0.97, 0.98},
    {0.85, 0.88, 0.88, 0.80},
    {0.60, 0.65, 0.55, 0.65},
    {0.91, 0.93, 0.90, 0.92},
  };
  private static final List<String> MODELS = List.of("A", "B", "C", "D");
  private static final List<String> DATASETS = List.of("d1", "d2", "d3", "d4", "d5", "d6");

  @Test
  void averageRanksGiveOneToTheBestAndAverageTies() {
    RankAnalysis a = RankAnalysis.of(DATASETS, MODELS, TABLE, 0.05);
    // by hand: A 2,2.5,2,3,3,3 ; B 1,2.5,1,1.5,1.5,1 ; C 4,4,4,1.5,4,4 ; D 3,1,3,4,1.5,2
    assertThat(a.averageRanks()[0]).isCloseTo(15.5 / 6, within(1e-12));
    assertThat(a.averageRanks()[1]).isCloseTo(8.5 / 6, within(1e-12));
    assertThat(a.averageRanks()[2]).isCloseTo(21.5 / 6, within(1e-12));
    assertThat(a.averageRanks()[3]).isCloseTo(14.5 / 6, within(1e-12));
    assertThat(a.order()).containsExactly(1, 3, 0, 2);
    // Nemenyi CD, k = 4, N = 6: 2.569 * sqrt(4 * 5 / 36)
    assertThat(a.nemenyiCriticalDifference()).isCloseTo(2.569 * Math.sqrt(20.0 / 36), within(1e-12));
  }

  @Test
  void holmStepsDownAndStopsAtTheFirstAcceptedHypothesis() {
    // 3 models on 12 datasets: B always beats A and C by a clear margin; A and C are interleaved.
    Random random = new Random(3);
    double[][] table = new double[12][3];
    for (double[] row : table) {
      row[0] = 0.7 + 0.01 * random.nextInt(10);
      row[2] = 0.7 + 0.01 * random.nextInt(10);
      row[1] = Math.max(row[0], row[2]) + 0.05 + 0.01 * random.nextInt(5);
    }
    RankAnalysis a = RankAnalysis.of(Arrays.asList(new String[12]).stream().map(s -> "d").toList(),
        List.of("A", "B", "C"), table, 0.05);
    List<RankAnalysis.Pair> pairs = a.pairwise();
    assertThat(pairs).extracting(RankAnalysis.Pair::holmThreshold).containsExactly(0.05 / 3, 0.05 / 2, 0.05);
    for (int i = 1; i < pairs.size(); i++) {
      assertThat(pairs.get(i).pValue()).isGreaterThanOrEqualTo(pairs.get(i - 1).pValue());
      if (!pairs.get(i - 1).significant()) {
        assertThat(pairs.get(i).significant()).isFalse();
      }
    }
    assertThat(a.significantlyDifferent(0, 1)).isTrue();
    assertThat(a.significantlyDifferent(1, 2)).isTrue();
    assertThat(a.significantlyDifferent(0, 2)).isFalse();
    // B alone; A and C joined by a bar
    assertThat(a.cliques()).hasSize(1);
    assertThat(a.cliques().get(0)).containsExactlyInAnyOrder(0, 2);
  }

  @Test
  void identicalClassifiersAreNotDifferent() {
    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(new double[] {0.5, 0.6}, new double[] {0.5, 0.6});
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  /** Friedman and Wilcoxon (Pratt zeros, normal approximation) against scipy on the same numbers. */
  @Test
  void statisticsMatchScipy() throws Exception {
    ExternalTools.requirePythonModules("scipy");
    RankAnalysis a = RankAnalysis.of(DATASETS, MODELS, TABLE, 0.05);
    String columns = java.util.stream.IntStream.range(0, 4)
        .mapToObj(j -> Arrays.stream(TABLE).map(r -> Double.toString(r[j])).collect(Collectors.joining(",", "[", "]")))
        .collect(Collectors.joining(","));
    String script = String.format(Locale.ROOT, """
        import json
        from scipy import stats
        cols = [%s]
        f = stats.friedmanchisquare(*cols)
        w = {}
        for i in range(4):
            for j in range(i + 1, 4):
                w[f"{i}{j}"] = stats.wilcoxon(cols[i], cols[j], zero_method="pratt", correction=False,
                                             alternative="two-sided", mode="approx").pvalue
        print(json.dumps({"chi2": f.statistic, "p": f.pvalue, "w": w}))
        """, columns);
    String out = ExternalTools.python(script);
    JsonNode scipy = new ObjectMapper().readTree(out.strip().lines().reduce((x, y) -> y).orElseThrow());
    assertThat(a.friedman().chiSquare()).isCloseTo(scipy.get("chi2").asDouble(), within(1e-9));
    assertThat(a.friedman().pValue()).isCloseTo(scipy.get("p").asDouble(), within(1e-9));
    for (RankAnalysis.Pair p : a.pairwise()) {
      int i = MODELS.indexOf(p.modelA());
      int j = MODELS.indexOf(p.modelB());
      String key = Math.min(i, j) + "" + Math.max(i, j);
      assertThat(p.pValue()).as("Wilcoxon %s-%s", p.modelA(), p.modelB())
          .isCloseTo(scipy.get("w").get(key).asDouble(), within(1e-9));
    }
  }
}

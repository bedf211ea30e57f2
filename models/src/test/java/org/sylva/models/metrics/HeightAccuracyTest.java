package org.sylva.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed arrays, hand-computed: predicted (1, 4, 12, 25, 31, 7, NaN), reference (2, 6, 10, 25, 35, 5, 3).
 * The NaN pair is skipped, leaving errors p − r = (−1, −2, 2, 0, −4, 2):
 * MAE = 11/6, RMSE = √(29/6), bias = −3/6 = −0.5. Reference mean 83/6, Σ(r − r̄)² = Σr² − 6·r̄² = 2015 − 83²/6
 * = 866.8333…, R² = 1 − 29/866.8333… . Classes by reference height: 2 → "0-5" (err −1), 6 and 5 → "5-10"
 * (errs −2, 2: MAE 2, bias 0), 10 → "10-20" (err 2: the bound belongs to the upper class), 25 → "20-30"
 * (err 0), 35 → ">30" (err −4).
 */
class HeightAccuracyTest {

  private static final float[] PRED = {1, 4, 12, 25, 31, 7, Float.NaN};
  private static final float[] REF = {2, 6, 10, 25, 35, 5, 3};
  private static final Offset<Double> TIGHT = Offset.offset(1e-12);

  @TempDir Path dir;

  @Test
  void overallMetricsMatchHandComputedValues() {
    RegressionMetrics m = RegressionMetrics.of(PRED, REF);
    assertThat(m.count()).isEqualTo(6);
    assertThat(m.mae()).isCloseTo(11.0 / 6, TIGHT);
    assertThat(m.rmse()).isCloseTo(Math.sqrt(29.0 / 6), TIGHT);
    assertThat(m.bias()).isCloseTo(-0.5, TIGHT);
    assertThat(m.r2()).isCloseTo(1 - 29.0 / (2015 - 83.0 * 83 / 6), TIGHT);
  }

  @Test
  void perClassMetricsUseReferenceHeight() {
    HeightAccuracy a = HeightAccuracy.of(PRED, REF);
    assertThat(a.classes()).extracting(HeightAccuracy.ClassMetrics::label)
        .containsExactly("0-5 m", "5-10 m", "10-20 m", "20-30 m", ">30 m");
    assertThat(a.classes()).extracting(c -> c.metrics().count()).containsExactly(1L, 2L, 1L, 1L, 1L);
    assertThat(a.classes()).extracting(c -> c.metrics().mae()).containsExactly(1.0, 2.0, 2.0, 0.0, 4.0);
    assertThat(a.classes().get(1).metrics().bias()).isEqualTo(0.0);
    assertThat(a.classes().get(0).metrics().r2()).isNaN(); // one reference value: no variance
    assertThat(a.toMarkdown()).contains("| all | 6 | 1.833 |").contains("| >30 m | 1 | 4.000 |");
  }

  @Test
  void emptyInputGivesNaNMetrics() {
    RegressionMetrics m = RegressionMetrics.of(new float[] {Float.NaN}, new float[] {1});
    assertThat(m.count()).isZero();
    assertThat(m.mae()).isNaN();
  }

  @Test
  void writesScatterAndErrorHistogram() throws Exception {
    HeightEvaluation.of(PRED, REF).writePlots(dir, "val", "validation");
    for (String name : new String[] {"val-scatter.png", "val-errors.png"}) {
      BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
      assertThat(image.getWidth()).isEqualTo(900);
      assertThat(image.getHeight()).isEqualTo(700);
    }
  }
}

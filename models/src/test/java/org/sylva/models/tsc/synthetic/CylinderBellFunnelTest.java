package org.sylva.models.tsc.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CylinderBellFunnelTest {

  @Test
  void eventsAreDrawnInTheirPublishedRanges() {
    Random random = new Random(1);
    int minA = Integer.MAX_VALUE;
    int maxA = 0;
    int minWidth = Integer.MAX_VALUE;
    int maxWidth = 0;
    double amplitudeSum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      CylinderBellFunnel.Event e = CylinderBellFunnel.drawEvent(random);
      minA = Math.min(minA, e.a());
      maxA = Math.max(maxA, e.a());
      minWidth = Math.min(minWidth, e.b() - e.a());
      maxWidth = Math.max(maxWidth, e.b() - e.a());
      amplitudeSum += e.amplitude();
      assertThat(e.b()).isLessThanOrEqualTo(CylinderBellFunnel.LENGTH);
    }
    assertThat(new int[] {minA, maxA, minWidth, maxWidth}).containsExactly(16, 32, 32, 96);
    // 6 + eta with eta ~ N(0,1): the mean of 20000 draws is within 4 standard errors (0.028) of 6
    assertThat(amplitudeSum / n).isCloseTo(6, within(0.03));
  }

  @Test
  void cylinderIsAPlateauBellRisesFunnelFalls() {
    CylinderBellFunnel.Event e = new CylinderBellFunnel.Event(20, 70, 6.5);
    double[] cylinder = CylinderBellFunnel.shape(0, e);
    double[] bell = CylinderBellFunnel.shape(1, e);
    double[] funnel = CylinderBellFunnel.shape(2, e);
    for (int i = 0; i < CylinderBellFunnel.LENGTH; i++) {
      int t = i + 1;
      boolean inside = t >= 20 && t <= 70;
      assertThat(cylinder[i]).isEqualTo(inside ? 6.5 : 0);
      if (!inside) {
        assertThat(bell[i]).isZero();
        assertThat(funnel[i]).isZero();
      }
    }
    // index i holds t = i + 1: bell climbs linearly from 0 at a to the amplitude at b, funnel the reverse
    assertThat(bell[19]).isZero();
    assertThat(bell[69]).isEqualTo(6.5);
    assertThat(funnel[19]).isEqualTo(6.5);
    assertThat(funnel[69]).isZero();
    for (int i = 20; i <= 69; i++) {
      assertThat(bell[i] - bell[i - 1]).isCloseTo(6.5 / 50, within(1e-12));
      assertThat(funnel[i] - funnel[i - 1]).isCloseTo(-6.5 / 50, within(1e-12));
    }
  }

  @Test
  void generatedSeriesAreTheClassShapePlusStandardNormalNoise() {
    CylinderBellFunnel cbf = new CylinderBellFunnel();
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (int c = 0; c < 3; c++) {
      for (int s = 0; s < 300; s++) {
        long seed = 1000L * c + s;
        double[] x = cbf.generate(c, new Random(seed));
        Random replay = new Random(seed); // the same stream: event first, then the noise
        double[] shape = CylinderBellFunnel.shape(c, CylinderBellFunnel.drawEvent(replay));
        for (int i = 0; i < x.length; i++) {
          double residual = x[i] - shape[i];
          assertThat(residual).isCloseTo(replay.nextGaussian(), within(1e-12));
          sum += residual;
          squares += residual * residual;
          count++;
        }
      }
    }
    double mean = sum / count;
    assertThat(mean).isCloseTo(0, within(0.02));
    assertThat(Math.sqrt(squares / count - mean * mean)).isCloseTo(1, within(0.02));
  }
}

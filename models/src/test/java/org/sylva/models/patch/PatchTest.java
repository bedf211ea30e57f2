package org.sylva.models.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PatchTest {

  /**
   * Band 0 values 1, 2, NaN, 3 and 5, 6, -9999, 7 (nodata -9999): valid 1, 2, 3, 5, 6, 7 → mean 4,
   * population variance (9 + 4 + 1 + 1 + 4 + 9)/6 = 14/3. Band 1 is constant 1e6 + 0.5: std falls back to 1
   * and the mean keeps the 0.5 despite the large offset.
   */
  @Test
  void statisticsIgnoreNaNAndNodataAndNeverDivideByZero() {
    float big = 1e6f + 0.5f;
    Patch a = new Patch(2, 1, 4, new float[] {1, 2, Float.NaN, 3, big, big, big, big}, new float[4], new float[4]);
    Patch b = new Patch(2, 1, 4, new float[] {5, 6, -9999, 7, big, big, big, big}, new float[4], new float[4]);
    ChannelStatistics s = ChannelStatistics.of(List.of(a, b), -9999f);
    assertThat(s.mean()[0]).isCloseTo(4.0, Offset.offset(1e-12));
    assertThat(s.std()[0]).isCloseTo(Math.sqrt(14.0 / 3), Offset.offset(1e-12));
    assertThat(s.mean()[1]).isEqualTo(big);
    assertThat(s.std()[1]).isEqualTo(1.0);

    float[] values = {4, Float.NaN, 7, 1, big, big, big, big};
    s.normalise(values, 4);
    assertThat(values[0]).isEqualTo(0f);
    assertThat(values[1]).isEqualTo(0f); // missing → band mean
    assertThat(values[2]).isCloseTo((float) (3 / Math.sqrt(14.0 / 3)), Offset.offset(1e-6f));
    assertThat(values[4]).isEqualTo(0f);
  }

  @Test
  void patchesRejectWrongArrayLengths() {
    assertThatThrownBy(() -> new Patch(2, 2, 2, new float[7], new float[4], new float[4])).hasMessageContaining("input has 7 values");
    assertThatThrownBy(() -> new Patch(1, 2, 2, new float[4], new float[3], new float[4])).hasMessageContaining("target/mask");
    assertThat(Patch.ofTarget(1, 1, 3, new float[3], new float[] {1, Float.NaN, 2}).mask()).containsExactly(1, 0, 1);
  }

  /** The eight transforms of an asymmetric square patch are distinct, and move band, target and mask alike. */
  @Test
  void dihedralTransformsFormTheGroupAndKeepPixelsTogether() {
    int n = 3;
    float[] plane = new float[n * n];
    for (int i = 0; i < plane.length; i++) {
      plane[i] = i;
    }
    float[] input = new float[2 * n * n];
    for (int i = 0; i < plane.length; i++) {
      input[i] = plane[i];
      input[n * n + i] = 100 + plane[i];
    }
    Patch p = new Patch(2, n, n, input, plane.clone(), plane.clone());
    Set<String> seen = new HashSet<>();
    for (int t = 0; t < 8; t++) {
      Patch q = Dihedral.apply(p, t);
      seen.add(java.util.Arrays.toString(q.target()));
      for (int i = 0; i < n * n; i++) {
        assertThat(q.input()[i]).isEqualTo(q.target()[i]);
        assertThat(q.input()[n * n + i]).isEqualTo(100 + q.target()[i]);
        assertThat(q.mask()[i]).isEqualTo(q.target()[i]);
      }
    }
    assertThat(seen).hasSize(8);
    // Transform 5 is a 90° rotation: four of them give the identity.
    Patch r = p;
    for (int k = 0; k < 4; k++) {
      r = Dihedral.apply(r, 5);
    }
    assertThat(r.target()).isEqualTo(p.target());
    assertThat(Dihedral.apply(p, 5).target()).isNotEqualTo(p.target());
    // Non-square patches only use shape-preserving transforms.
    Patch wide = new Patch(1, 2, 3, new float[6], new float[6], new float[6]);
    Random rng = new Random(1);
    for (int k = 0; k < 50; k++) {
      assertThat(Dihedral.random(wide, rng).height()).isEqualTo(2);
    }
    assertThatThrownBy(() -> Dihedral.apply(wide, 4)).hasMessageContaining("square");
  }

  @Test
  void hashChangesWithAnyValueAndOrder() {
    Patch a = new Patch(1, 1, 2, new float[] {1, 2}, new float[] {3, Float.NaN}, new float[] {1, 0});
    Patch b = new Patch(1, 1, 2, new float[] {1, 2}, new float[] {3, 4}, new float[] {1, 0});
    String ab = PatchHash.sha256(List.of(a, b));
    assertThat(ab).hasSize(64).isEqualTo(PatchHash.sha256(List.of(a, b)));
    assertThat(PatchHash.sha256(List.of(b, a))).isNotEqualTo(ab);
    assertThat(PatchHash.sha256(List.of(a, a))).isNotEqualTo(ab);
  }
}

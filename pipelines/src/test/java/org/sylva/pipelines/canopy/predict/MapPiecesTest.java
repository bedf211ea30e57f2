package org.sylva.pipelines.canopy.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sylva.pipelines.canopy.dataset.PatchDataset;
import org.sylva.pipelines.canopy.train.TrainedVariant;
import org.sylva.pipelines.canopy.train.Variant;

/** The small decisions of the map stage: the strip plan, height encoding and the variant ranking. */
class MapPiecesTest {

  @Test
  void stripsCoverEveryRowOnceWithContextClippedAtTheEdges() {
    List<MapStrip> strips = MapStrip.plan(1000, 384, 64);
    assertThat(strips).hasSize(3);
    assertThat(strips.get(0)).isEqualTo(new MapStrip(0, 0, 384, 0, 448));
    assertThat(strips.get(1)).isEqualTo(new MapStrip(1, 384, 384, 320, 512));
    assertThat(strips.get(2)).isEqualTo(new MapStrip(2, 768, 232, 704, 296));
    assertThat(strips.get(1).offsetInRegion()).isEqualTo(64);
    assertThat(strips.stream().mapToInt(MapStrip::rows).sum()).isEqualTo(1000);
  }

  @Test
  void heightsEncodeAsMetresOrDecimetres() {
    assertThat(MapFormat.FLOAT32.encode(12.34f)).isEqualTo(12.34f);
    assertThat(MapFormat.FLOAT32.encode(-0.5f)).isEqualTo(0f);
    assertThat(MapFormat.FLOAT32.encode(Float.NaN)).isNaN();
    assertThat(MapFormat.UINT16.encode(12.34f)).isEqualTo(123f);
    assertThat(MapFormat.UINT16.encode(Float.NaN)).isEqualTo(65535f);
    assertThat(MapFormat.UINT16.decode(123f)).isEqualTo(12.3f);
    assertThat(MapFormat.UINT16.decode(65535f)).isNaN();
    assertThatThrownBy(() -> MapFormat.parse("int8")).hasMessageContaining("float32 or uint16");
  }

  @Test
  void lowestValidationMaeWinsAndTiesGoToFewerBandsThenName() {
    TrainedVariant a = trained("a_many", 0.9, 5);
    TrainedVariant b = trained("b_few", 0.9, 2);
    TrainedVariant c = trained("c_best", 0.8, 7);
    TrainedVariant d = trained("aa_few", 0.9, 2);
    assertThat(new Selection(List.of(a, b, c, d)).ranked()).extracting(TrainedVariant::name)
        .containsExactly("c_best", "aa_few", "b_few", "a_many");
    assertThat(new Selection(List.of(d, c, b, a)).best().name()).isEqualTo("c_best");
    assertThatThrownBy(() -> new Selection(List.of())).hasMessageContaining("no variant was trained");
  }

  private static TrainedVariant trained(String name, double validationMae, int bands) {
    List<String> names = List.of("B02", "B03", "B04", "B05", "B06", "B07", "B08").subList(0, bands);
    return new TrainedVariant(new Variant(name, "", names), "/m", "/m.json", validationMae, 1, 0, 1,
        (PatchDataset) null);
  }
}

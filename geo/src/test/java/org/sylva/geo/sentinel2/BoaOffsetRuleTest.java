package org.sylva.geo.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BoaOffsetRuleTest {

  static JsonNode props(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  static double offset(String json) throws Exception {
    return BoaOffsetRule.fromMetadata().decide("item", props(json), null).offsetDn();
  }

  @Test
  void baselineComparedAsVersion() throws Exception {
    assertThat(offset("{\"s2:processing_baseline\": \"02.14\"}")).isEqualTo(0);
    assertThat(offset("{\"s2:processing_baseline\": \"03.01\"}")).isEqualTo(0);
    assertThat(offset("{\"s2:processing_baseline\": \"04.00\"}")).isEqualTo(-1000);
    assertThat(offset("{\"s2:processing_baseline\": \"05.11\"}")).isEqualTo(-1000);
    assertThat(offset("{\"processing:version\": \"05.10\"}")).isEqualTo(-1000);
    assertThat(offset("{\"s2:processing_baseline\": 5.09}")).isEqualTo(-1000);
    assertThat(ProcessingBaseline.parse("05.10")).isGreaterThan(ProcessingBaseline.parse("05.09"));
    assertThat(ProcessingBaseline.parse("4.10")).isGreaterThan(ProcessingBaseline.parse("4.9"));
    assertThat(ProcessingBaseline.parse("10.00")).isGreaterThan(ProcessingBaseline.parse("04.00"));
  }

  @Test
  void earthSearchFlagMeansOffsetAlreadyRemoved() throws Exception {
    assertThat(offset("{\"s2:processing_baseline\": \"05.09\", \"earthsearch:boa_offset_applied\": true}")).isEqualTo(0);
    assertThat(offset("{\"s2:processing_baseline\": \"05.09\", \"earthsearch:boa_offset_applied\": false}")).isEqualTo(-1000);
  }

  @Test
  void productNameOverrideAndMissingInformation() throws Exception {
    BoaOffset fromName = BoaOffsetRule.fromMetadata().decide("x", props("{}"),
        "S2B_MSIL2A_20230612T105629_N0509_R051_T30TXQ_20230612T134507.SAFE/GRANULE/B04.tif");
    assertThat(fromName.offsetDn()).isEqualTo(-1000);
    assertThat(fromName.reason()).contains("05.09").contains("product name");
    assertThat(BoaOffsetRule.fromMetadata().decide("x", props("{}"), "S2A_MSIL2A_20190612T105621_N0212_R051").offsetDn())
        .isEqualTo(0);
    assertThat(BoaOffsetRule.override(0).decide("x", props("{\"s2:processing_baseline\": \"05.09\"}"), null).offsetDn())
        .isEqualTo(0);
    assertThatThrownBy(() -> BoaOffsetRule.fromMetadata().decide("S2A_X", props("{\"eo:cloud_cover\": 3}"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("S2A_X: cannot determine the Sentinel-2 BOA offset")
        .hasMessageContaining("--boa-offset");
  }

  @Test
  void reflectanceFormula() {
    assertThat(new BoaOffset(-1000, "").reflectance(1234)).isEqualTo(0.0234f);
    assertThat(new BoaOffset(0, "").reflectance(1234)).isEqualTo(0.1234f);
  }

  @Test
  void sclMaskDefaultsAndConfiguration() {
    SclMask mask = SclMask.defaults();
    for (int c = 0; c <= 11; c++) {
      assertThat(mask.isClear(c)).as("class %d", c).isEqualTo(c == 2 || (c >= 4 && c <= 7));
    }
    assertThat(mask.isClear(Float.NaN)).isFalse();
    SclMask custom = new SclMask(java.util.Set.of(8, 9));
    assertThat(custom.isClear(3)).isTrue();
    assertThat(custom.isClear(9)).isFalse();
  }
}

package org.sylva.pipelines.canopy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.dataset.SpectralIndex;

class VariantCatalogTest {

  @TempDir Path dir;

  @Test
  void builtInFileHoldsTheSevenVariantsOfTheStudy() {
    VariantCatalog catalog = VariantCatalog.defaults();
    assertThat(catalog.variants()).extracting(Variant::name).containsExactly("s1", "s2_10m", "s2_all", "s2_all_s1",
        "s2_10m_s1", "s2_all_indices", "s2_all_s1_indices");
    assertThat(catalog.variants().get(0).bands()).containsExactly("VV", "VH");
    assertThat(catalog.variants().get(1).bands()).containsExactly("B02", "B03", "B04", "B08");
    assertThat(catalog.variants().get(6).bands()).hasSize(16).contains("VV", "VH", "NDVI", "B8A", "B12");
    assertThat(catalog.indices()).extracting(SpectralIndex::name).containsExactly("NDVI", "NDRE", "NDMI", "NBR");
    SpectralIndex ndvi = catalog.indices().get(0);
    float[] values = ndvi.compute(new float[] {0.3f, 0.1f, Float.NaN, 0}, new float[] {0.1f, 0.1f, 0.2f, 0});
    assertThat(values[0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(values[1]).isZero();
    assertThat(values[2]).isNaN();
    assertThat(values[3]).as("0/0: no index").isNaN();
  }

  @Test
  void readsAFileAndNamesItInEveryProblem() throws Exception {
    Path file = dir.resolve("v.yaml");
    Files.writeString(file, "indices:\n  - {name: GNDVI, a: B08, b: B03}\nvariants:\n"
        + "  - {name: green, description: green index, bands: [B03, GNDVI]}\n");
    VariantCatalog catalog = VariantCatalog.load(file);
    assertThat(catalog.variants()).singleElement().satisfies(v -> assertThat(v.bands()).containsExactly("B03", "GNDVI"));

    Files.writeString(file, "variants:\n  - {name: x, bands: [B03, LIDAR]}\n");
    assertThatThrownBy(() -> VariantCatalog.load(file)).hasMessageStartingWith(file + ": variant x uses unknown band LIDAR");
    Files.writeString(file, "variants:\n  - {name: x, bands: [B03]}\n  - {name: x, bands: [B04]}\n");
    assertThatThrownBy(() -> VariantCatalog.load(file)).hasMessage(file + ": variant x is listed twice");
    Files.writeString(file, "variants: [\n");
    assertThatThrownBy(() -> VariantCatalog.load(file)).hasMessageStartingWith(file + ": not a variants file");
    Files.writeString(file, "indices: []\n");
    assertThatThrownBy(() -> VariantCatalog.load(file)).hasMessageContaining("no variants listed");
    assertThatThrownBy(() -> VariantCatalog.load(dir.resolve("missing.yaml"))).hasMessageContaining("no such variants file");
  }

  @Test
  void aVariantNeedingBandsTheDatasetLacksIsFoundBeforeTraining() {
    VariantCatalog catalog = VariantCatalog.defaults();
    VariantTraining training = new VariantTraining(new ModelSettings(2, 4, 0, 1, 2, 1e-3, 0, 0, false, "l1", 1, 1),
        catalog.indices(), RunLayout.at(dir));
    List<String> s2Only = List.of("B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12");
    assertThat(training.missingBands(catalog.variants().get(0), s2Only)).containsExactly("VV", "VH");
    assertThat(training.missingBands(catalog.variants().get(5), s2Only)).isEmpty();
    assertThat(training.missingBands(catalog.variants().get(5), List.of("B02", "B08"))).contains("B04", "NDVI", "NBR");
  }
}

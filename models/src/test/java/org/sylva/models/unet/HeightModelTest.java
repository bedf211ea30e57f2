package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.infer.ArrayTileSink;
import org.sylva.models.infer.ArrayTileSource;
import org.sylva.models.infer.TiledPredictor;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.TrainingOptions;

class HeightModelTest {

  @TempDir static Path shared;
  private static Path saved;
  private static float[] raster;
  private static float[] predictedBeforeSaving;
  private static float[] tiledBeforeSaving;

  private static final int WIDTH = 90;
  private static final int HEIGHT = 70;

  /** A briefly trained model (with batch norm, dropout and SE, so every parameter kind is saved). */
  @BeforeAll
  static void trainAndSave() throws IOException {
    List<Patch> train = SyntheticHeights.patches(8, 32, 0.5, 0.3, 21);
    List<Patch> validation = SyntheticHeights.patches(2, 32, 0.5, 0.3, 22);
    raster = TiledInferenceTest.smoothBands(4, WIDTH, HEIGHT, 3);
    for (int i = 0; i < raster.length; i++) {
      raster[i] = 1000 + 500 * raster[i];
    }
    raster[3 * WIDTH * HEIGHT + 17] = Float.NaN;
    try (HeightModel model = HeightTrainer.builder()
        .bands(SyntheticHeights.BANDS)
        .architecture(UNet.builder().depth(2).baseWidth(8).dropout(0.1).squeezeExcitation(true))
        .options(TrainingOptions.builder().epochs(2).batchSize(4).seed(5).build())
        .build()
        .train(train, validation)) {
      predictedBeforeSaving = model.predict(SyntheticHeights.BANDS, raster, HEIGHT, WIDTH);
      tiledBeforeSaving = tiled(model);
      saved = shared.resolve("model");
      model.save(saved);
    }
  }

  @Test
  void reloadedModelPredictsBitIdentically() throws IOException {
    try (HeightModel loaded = HeightModel.load(saved)) {
      assertThat(loaded.predict(SyntheticHeights.BANDS, raster, HEIGHT, WIDTH)).isEqualTo(predictedBeforeSaving);
      assertThat(tiled(loaded)).isEqualTo(tiledBeforeSaving);
      assertThat(predictedBeforeSaving[17]).isNaN();
      assertThat(predictedBeforeSaving[18]).isFinite();
    }
  }

  @Test
  void manifestRecordsEverythingNeededToUseAndTraceTheModel() throws IOException {
    try (HeightModel loaded = HeightModel.load(saved)) {
      HeightModelManifest m = loaded.manifest();
      assertThat(m.format()).isEqualTo(HeightModelManifest.FORMAT);
      assertThat(m.bands()).isEqualTo(SyntheticHeights.BANDS);
      assertThat(m.normalisation().mean()[0]).isBetween(900.0, 1100.0);
      assertThat(m.architecture().depth()).isEqualTo(2);
      assertThat(m.architecture().squeezeExcitation()).isTrue();
      assertThat(m.training().dataSha256()).hasSize(64);
      assertThat(m.training().history()).hasSize(2);
      assertThat(m.training().options().seed()).isEqualTo(5);
      assertThat(m.validation().overall().count()).isPositive();
      assertThat(m.versions().engine()).startsWith("PyTorch");
      assertThat(m.weights().file()).isEqualTo(HeightModel.WEIGHTS);
    }
    String json = Files.readString(saved.resolve(HeightModel.MANIFEST));
    assertThat(json).contains("\"bands\"").contains("\"normalisation\"").contains("\"dataSha256\"");
  }

  @Test
  void mismatchedBandsAreRefusedListingExpectedAndGiven() throws IOException {
    try (HeightModel loaded = HeightModel.load(saved)) {
      assertThatThrownBy(() -> loaded.predict(List.of("b0", "b1", "b3", "b2"), raster, HEIGHT, WIDTH))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 4 bands [b0, b1, b2, b3], given 4 [b0, b1, b3, b2]")
          .hasMessageContaining("same bands in another order");
      ArrayTileSource wrong = new ArrayTileSource(4, 4, List.of("b0", "b1", "B2", "b3"), new float[4][16]);
      assertThatThrownBy(() -> loaded.predictTiled(wrong, TiledPredictor.builder().build(), new ArrayTileSink(4, 4, 1), 0, 0))
          .hasMessageContaining("missing [b2]; unexpected [B2]");
    }
  }

  @Test
  void corruptWeightsAreRefused() throws IOException {
    Path copy = shared.resolve("corrupt");
    Files.createDirectories(copy);
    Files.copy(saved.resolve(HeightModel.MANIFEST), copy.resolve(HeightModel.MANIFEST));
    byte[] weights = Files.readAllBytes(saved.resolve(HeightModel.WEIGHTS));
    weights[weights.length - 3] ^= 1;
    Files.write(copy.resolve(HeightModel.WEIGHTS), weights);
    assertThatThrownBy(() -> HeightModel.load(copy)).isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> HeightModel.load(shared.resolve("nothing"))).hasMessageContaining("no manifest.json");
  }

  @Test
  void savingReplacesAModelButNeverOtherFiles() throws IOException {
    Path other = shared.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "keep me");
    try (HeightModel loaded = HeightModel.load(saved)) {
      assertThatThrownBy(() -> loaded.save(other)).hasMessageContaining("not a Sylva model directory");
      Path again = shared.resolve("again");
      loaded.save(again);
      loaded.save(again);
      assertThat(Files.readAllBytes(again.resolve(HeightModel.WEIGHTS))).isEqualTo(Files.readAllBytes(saved.resolve(HeightModel.WEIGHTS)));
      try (var files = Files.list(shared)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
      }
    }
    assertThat(Files.readString(other.resolve("notes.txt"))).isEqualTo("keep me");
  }

  private static float[] tiled(HeightModel model) {
    float[][] bands = new float[4][];
    for (int b = 0; b < 4; b++) {
      bands[b] = java.util.Arrays.copyOfRange(raster, b * WIDTH * HEIGHT, (b + 1) * WIDTH * HEIGHT);
    }
    ArrayTileSink sink = new ArrayTileSink(WIDTH, HEIGHT, 1);
    model.predictTiled(new ArrayTileSource(WIDTH, HEIGHT, SyntheticHeights.BANDS, bands),
        TiledPredictor.builder().tileSize(32).overlap(16).build(), sink, 0, 0);
    return sink.band(0);
  }
}

package org.sylva.models.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sylva.models.infer.ArrayTileSink;
import org.sylva.models.infer.ArrayTileSource;
import org.sylva.models.infer.BlendWindow;
import org.sylva.models.infer.TileModel;
import org.sylva.models.infer.TiledPredictor;
import org.sylva.models.patch.ChannelStatistics;

class TiledInferenceTest {

  private static final List<String> BANDS = List.of("b0", "b1", "b2");
  private static final ChannelStatistics UNIT = new ChannelStatistics(new double[] {0, 0, 0}, new double[] {1, 1, 1});

  /**
   * A depth-2 U-Net without batch norm reaches about 29 px (3×3 convolutions: 2 + 2·2 + 2·4 at the
   * three levels and 2·2 + 2 on the way up, bilinear up-sampling 4 + 2, pooling 3). With a 32 px margin
   * every pixel is blended only from tiles where it sees its full receptive field, so tiled and
   * whole-image inference agree up to float rounding (1e-4 m) at every pixel at least 32 px from the
   * raster border. The test first measures the reach by perturbing one input pixel.
   */
  @Test
  void tiledEqualsWholeImageAwayFromTheBorder() {
    UNetConfig config = UNet.builder().inputChannels(3).depth(2).baseWidth(8).batchNorm(false).outputScale(10).toConfig();
    int width = 400;
    int height = 300;
    int margin = 32;
    float[] input = smoothBands(3, width, height, 4);
    try (HeightModel model = HeightModel.untrained(BANDS, config, UNIT, 9)) {
      float[] whole = model.predict(BANDS, input, height, width);
      assertThat(receptiveRadius(model, input, width, height)).isLessThanOrEqualTo(margin);

      ArrayTileSink sink = new ArrayTileSink(width, height, 1);
      TiledPredictor predictor = TiledPredictor.builder().tileSize(192).overlap(80).margin(margin).batchSize(2).build();
      predictor.predict(model.tileModel(BANDS), source(input, width, height), sink);
      double maxDiff = 0;
      for (int y = margin; y < height - margin; y++) {
        for (int x = margin; x < width - margin; x++) {
          maxDiff = Math.max(maxDiff, Math.abs(sink.band(0)[y * width + x] - whole[y * width + x]));
        }
      }
      assertThat(maxDiff).isLessThan(1e-4);
    }
  }

  /**
   * Seams with a model whose reach (depth 3, ~60 px) exceeds the 8 px margin, so neighbouring tiles A and B
   * disagree in their overlap. With blend weights a + b = 1, the step between horizontally adjacent output
   * pixels is o(x+1) − o(x) = a'·ΔpA + b'·ΔpB + Δa·(pA − pB), hence
   * |step| ≤ max(|ΔpA|, |ΔpB|) + π/(2·ramp)·|pA − pB|: the seam adds at most 0.098·disagreement to the
   * tiles' own pixel-to-pixel variation for the 16 px ramp, where a hard cut adds the full disagreement.
   * Checked at every pixel of every vertical overlap zone (rows covered by one tile row only).
   */
  @Test
  void blendingBoundsTheStepAcrossTileBorders() {
    UNetConfig config = UNet.builder().inputChannels(3).depth(3).baseWidth(8).batchNorm(false).outputScale(10).toConfig();
    int width = 160;
    int height = 96;
    int tile = 64;
    int overlap = 32;
    int margin = 8;
    int stride = tile - overlap;
    float[] input = smoothBands(3, width, height, 5);
    try (HeightModel model = HeightModel.untrained(BANDS, config, UNIT, 10)) {
      TileModel tiles = model.tileModel(BANDS);
      ArrayTileSink sink = new ArrayTileSink(width, height, 1);
      TiledPredictor.builder().tileSize(tile).overlap(overlap).margin(margin).build()
          .predict(tiles, source(input, width, height), sink);
      float[] out = sink.band(0);
      double maxStep = BlendWindow.maxStep(overlap, margin);
      double maxDisagreement = 0;
      double maxSeamExcess = 0;
      int rowsOfTileRowZero = tile - overlap + margin; // rows 0..39 are blended from tile row 0 only
      for (int c = 0; c + 1 < 4; c++) {
        float[] a = tilePrediction(tiles, input, width, height, c * stride, tile);
        float[] b = tilePrediction(tiles, input, width, height, (c + 1) * stride, tile);
        for (int y = 0; y < rowsOfTileRowZero; y++) {
          for (int u = 0; u + 1 < overlap; u++) {
            int x = (c + 1) * stride + u;
            float pa0 = a[y * tile + stride + u];
            float pa1 = a[y * tile + stride + u + 1];
            float pb0 = b[y * tile + u];
            float pb1 = b[y * tile + u + 1];
            double own = Math.max(Math.abs(pa1 - pa0), Math.abs(pb1 - pb0));
            double step = Math.abs(out[y * width + x + 1] - out[y * width + x]);
            assertThat(step).isLessThanOrEqualTo(own + maxStep * Math.abs(pa0 - pb0) + 1e-4);
            maxDisagreement = Math.max(maxDisagreement, Math.abs(pa0 - pb0));
            maxSeamExcess = Math.max(maxSeamExcess, step - own);
          }
        }
      }
      // Not vacuous: the tiles disagree noticeably, and the blended seam adds far less than a hard cut would.
      assertThat(maxDisagreement).isGreaterThan(0.05);
      assertThat(maxSeamExcess).isLessThanOrEqualTo(maxStep * maxDisagreement + 1e-4);
    }
  }

  /** MC dropout: second band ≥ 0, positive somewhere, NaN with nodata, reproducible with the seed. */
  @Test
  void monteCarloDropoutAddsAReproducibleSpreadBand() {
    UNetConfig config = UNet.builder().inputChannels(3).depth(2).baseWidth(8).dropout(0.3).outputScale(10).toConfig();
    int width = 70;
    int height = 50;
    float[] input = smoothBands(3, width, height, 6);
    input[2 * width * height + 10] = Float.NaN;
    try (HeightModel model = HeightModel.untrained(BANDS, config, UNIT, 11)) {
      TiledPredictor predictor = TiledPredictor.builder().tileSize(32).overlap(16).margin(4).build();
      ArrayTileSink first = new ArrayTileSink(width, height, 2);
      model.predictTiled(source(input, width, height), predictor, first, 5, 42);
      ArrayTileSink second = new ArrayTileSink(width, height, 2);
      model.predictTiled(source(input, width, height), predictor, second, 5, 42);
      assertThat(second.band(1)).isEqualTo(first.band(1));
      assertThat(first.band(1)[10]).isNaN();
      assertThat(first.band(0)[10]).isNaN();
      double max = 0;
      for (int i = 0; i < width * height; i++) {
        if (i != 10) {
          assertThat(first.band(1)[i]).isGreaterThanOrEqualTo(0f);
          max = Math.max(max, first.band(1)[i]);
        }
      }
      assertThat(max).isGreaterThan(0);
      // The first band is the deterministic prediction, unchanged by asking for the spread.
      ArrayTileSink plain = new ArrayTileSink(width, height, 1);
      model.predictTiled(source(input, width, height), predictor, plain, 0, 0);
      assertThat(first.band(0)).isEqualTo(plain.band(0));
    }
    UNetConfig noDropout = UNet.builder().inputChannels(3).depth(2).baseWidth(8).toConfig();
    try (HeightModel model = HeightModel.untrained(BANDS, noDropout, UNIT, 1)) {
      assertThatThrownBy(() -> model.tileModel(BANDS, 4, 1)).hasMessageContaining("dropout");
    }
  }

  /** Largest distance at which changing one input pixel changes the whole-image output. */
  private static int receptiveRadius(HeightModel model, float[] input, int width, int height) {
    int cx = width / 2;
    int cy = height / 2;
    float[] before = model.predict(BANDS, input, height, width);
    float[] changed = input.clone();
    for (int b = 0; b < 3; b++) {
      changed[b * width * height + cy * width + cx] += 5;
    }
    float[] after = model.predict(BANDS, changed, height, width);
    int radius = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (after[y * width + x] != before[y * width + x]) {
          radius = Math.max(radius, Math.max(Math.abs(x - cx), Math.abs(y - cy)));
        }
      }
    }
    assertThat(radius).as("reach of one pixel").isGreaterThan(8);
    return radius;
  }

  /** The prediction of the tile at column {@code x0} of tile row 0, padded with NaN past the raster edge. */
  private static float[] tilePrediction(TileModel model, float[] input, int width, int height, int x0, int tile) {
    float[] window = new float[3 * tile * tile];
    Arrays.fill(window, Float.NaN);
    for (int b = 0; b < 3; b++) {
      for (int y = 0; y < Math.min(tile, height); y++) {
        for (int x = 0; x < tile && x0 + x < width; x++) {
          window[(b * tile + y) * tile + x] = input[(b * height + y) * width + x0 + x];
        }
      }
    }
    return model.predict(window, 1, tile, tile);
  }

  private static ArrayTileSource source(float[] input, int width, int height) {
    float[][] bands = new float[3][];
    for (int b = 0; b < 3; b++) {
      bands[b] = Arrays.copyOfRange(input, b * width * height, (b + 1) * width * height);
    }
    return new ArrayTileSource(width, height, BANDS, bands);
  }

  static float[] smoothBands(int bands, int width, int height, long seed) {
    Random rng = new Random(seed);
    float[] out = new float[bands * width * height];
    for (int b = 0; b < bands; b++) {
      double fx = 0.02 + 0.1 * rng.nextDouble();
      double fy = 0.02 + 0.1 * rng.nextDouble();
      double phase = rng.nextDouble() * 6;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          out[(b * height + y) * width + x] = (float) (Math.sin(fx * x + phase) * Math.cos(fy * y) + 0.3 * rng.nextGaussian());
        }
      }
    }
    return out;
  }
}

package org.sylva.models.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TiledPredictorTest {

  /**
   * A pointwise model (output = 0.5·b0 − b1, NaN inputs read as 0): tiling must not change it, so the
   * blended result equals the pointwise value at every pixel (weights are a partition of unity; float
   * rounding of the weighted sum stays within 1e-5), NaN wherever any band is NaN.
   */
  @Test
  void pointwiseModelIsReproducedExactlyWithNodataOut() {
    int width = 300;
    int height = 170;
    float[][] data = randomBands(2, width * height, 7);
    data[1][5 * width + 123] = Float.NaN;
    data[0][169 * width + 299] = Float.NaN;
    RecordingSource source = new RecordingSource(new ArrayTileSource(width, height, List.of("b0", "b1"), data));
    ArrayTileSink sink = new ArrayTileSink(width, height, 1);
    List<int[]> strips = new ArrayList<>();
    TiledPredictor predictor = TiledPredictor.builder().tileSize(64).overlap(16).margin(4).batchSize(3).build();
    predictor.predict(new PointwiseModel(), source, (x, y, w, h, bands) -> {
      strips.add(new int[] {x, y, w, h});
      sink.write(x, y, w, h, bands);
    });
    for (int i = 0; i < width * height; i++) {
      float expected = Float.isNaN(data[0][i]) || Float.isNaN(data[1][i]) ? Float.NaN : 0.5f * data[0][i] - data[1][i];
      if (Float.isNaN(expected)) {
        assertThat(sink.band(0)[i]).as("pixel %d", i).isNaN();
      } else {
        assertThat(sink.band(0)[i]).as("pixel %d", i).isCloseTo(expected, Offset.offset(1e-5f));
      }
    }
    // Full-width strips, top to bottom, each row once; the source is read one strip of <= 64 rows at a time.
    int next = 0;
    for (int[] s : strips) {
      assertThat(s[0]).isZero();
      assertThat(s[2]).isEqualTo(width);
      assertThat(s[1]).isEqualTo(next);
      next += s[3];
    }
    assertThat(next).isEqualTo(height);
    assertThat(source.maxRows).isLessThanOrEqualTo(64);
  }

  @Test
  void smallRasterIsOneTile() {
    float[][] data = randomBands(2, 10 * 7, 3);
    ArrayTileSink sink = new ArrayTileSink(10, 7, 1);
    TiledPredictor.builder().build().predict(new PointwiseModel(), new ArrayTileSource(10, 7, List.of("a", "b"), data), sink);
    assertThat(sink.band(0)[69]).isCloseTo(0.5f * data[0][69] - data[1][69], Offset.offset(1e-6f));
  }

  @Test
  void refusesTilesOffThePoolingGridAndBadOverlaps() {
    ArrayTileSource source = new ArrayTileSource(500, 500, List.of("a", "b"), randomBands(2, 500 * 500, 1));
    assertThatThrownBy(() -> TiledPredictor.builder().tileSize(250).overlap(32).build()
        .predict(new PointwiseModel(), source, (x, y, w, h, b) -> {}))
        .hasMessageContaining("must be multiples of 8");
    assertThatThrownBy(() -> TiledPredictor.builder().tileSize(64).overlap(40).build()).hasMessageContaining("overlap");
    assertThatThrownBy(() -> TiledPredictor.builder().overlap(32).margin(20).build()).hasMessageContaining("margin");
    ArrayTileSource threeBands = new ArrayTileSource(8, 8, List.of("a", "b", "c"), randomBands(3, 64, 1));
    assertThatThrownBy(() -> TiledPredictor.builder().build().predict(new PointwiseModel(), threeBands, (x, y, w, h, b) -> {}))
        .hasMessageContaining("source has 3 bands, model expects 2");
  }

  /** Neighbouring windows sum to 1 over the overlap, are 0 on the margin and change by at most π/(2·ramp) per pixel. */
  @Test
  void blendWindowsArePartitionOfUnity() {
    int tile = 64;
    int overlap = 24;
    int margin = 4;
    float[] left = BlendWindow.weights(tile, overlap, margin, false, true);
    float[] right = BlendWindow.weights(tile, overlap, margin, true, false);
    int stride = tile - overlap;
    for (int u = 0; u < overlap; u++) {
      assertThat(left[stride + u] + right[u]).isCloseTo(1f, Offset.offset(1e-6f));
    }
    for (int i = 0; i < margin; i++) {
      assertThat(right[i]).isZero();
      assertThat(left[tile - 1 - i]).isZero();
    }
    assertThat(left[0]).isEqualTo(1f);
    double maxStep = 0;
    for (int i = 0; i + 1 < tile; i++) {
      maxStep = Math.max(maxStep, Math.abs(right[i + 1] - right[i]));
    }
    assertThat(maxStep).isLessThanOrEqualTo(BlendWindow.maxStep(overlap, margin) + 1e-6).isGreaterThan(0.05);
  }

  static float[][] randomBands(int bands, int pixels, long seed) {
    Random rng = new Random(seed);
    float[][] data = new float[bands][pixels];
    for (float[] band : data) {
      for (int i = 0; i < pixels; i++) {
        band[i] = (float) rng.nextGaussian();
      }
    }
    return data;
  }

  /** out = 0.5·b0 − b1 per pixel; NaN inputs read as 0 (as a network sees normalised missing values). */
  private static final class PointwiseModel implements TileModel {
    @Override
    public int inputChannels() {
      return 2;
    }

    @Override
    public int outputChannels() {
      return 1;
    }

    @Override
    public int sizeMultiple() {
      return 8;
    }

    @Override
    public float[] predict(float[] input, int n, int height, int width) {
      int pixels = height * width;
      float[] out = new float[n * pixels];
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < pixels; i++) {
          float a = input[(2 * t) * pixels + i];
          float b = input[(2 * t + 1) * pixels + i];
          out[t * pixels + i] = 0.5f * (Float.isNaN(a) ? 0 : a) - (Float.isNaN(b) ? 0 : b);
        }
      }
      return out;
    }
  }

  /** Records the tallest window read. */
  private static final class RecordingSource implements TileSource {
    private final TileSource delegate;
    int maxRows;

    RecordingSource(TileSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public int width() {
      return delegate.width();
    }

    @Override
    public int height() {
      return delegate.height();
    }

    @Override
    public List<String> bandNames() {
      return delegate.bandNames();
    }

    @Override
    public float[][] read(int x, int y, int w, int h) {
      maxRows = Math.max(maxRows, h);
      return delegate.read(x, y, w, h);
    }
  }
}

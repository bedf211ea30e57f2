package org.sylva.geo.sentinel1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.sylva.geo.composite.InMemoryCompositeSink;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ReprojectionSampler;
import org.sylva.geo.composite.TemporalCompositor;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

class Sentinel1CompositeTest {

  static final int N = 20;

  static GridGeometry grid() throws Exception {
    return new GridGeometry(CRS.forCode("EPSG:32630"), GeoTransform.northUp(600_000, 5_000_000, 10, 10), N, N);
  }

  /** Linear γ0 with multiplicative gamma-like speckle; 2 % zeros (RTC border fill). */
  static float[][] linearPair(Random random) {
    float[] vv = new float[N * N];
    float[] vh = new float[N * N];
    for (int i = 0; i < vv.length; i++) {
      double speckle = -Math.log(1 - random.nextDouble()); // exponential, mean 1 (single look)
      vv[i] = random.nextInt(50) == 0 ? 0 : (float) (0.12 * speckle);
      vh[i] = (float) (0.025 * -Math.log(1 - random.nextDouble()));
    }
    return new float[][] {vv, vh};
  }

  static float[] toDb(float[] linear) {
    float[] db = new float[linear.length];
    for (int i = 0; i < db.length; i++) {
      db[i] = linear[i] == 0 ? -9999 : (float) (10 * Math.log10(linear[i]));
    }
    return db;
  }

  static Sentinel1Scene scene(int i, float[][] pair, BackscatterScale scale) throws Exception {
    boolean db = scale == BackscatterScale.DECIBEL;
    OptionalDouble nodata = OptionalDouble.of(db ? -9999 : 0);
    return new Sentinel1Scene("s1_" + i, Instant.parse("2023-03-01T06:00:00Z").plusSeconds(86400L * 6 * i),
        ArrayRasterSource.of("VV", grid(), DataType.FLOAT32, nodata, db ? toDb(pair[0]) : pair[0]),
        ArrayRasterSource.of("VH", grid(), DataType.FLOAT32, nodata, db ? toDb(pair[1]) : pair[1]), scale);
  }

  static InMemoryCompositeSink composite(List<Sentinel1Scene> scenes) throws Exception {
    List<Observation> observations = new ArrayList<>();
    for (Sentinel1Scene s : scenes) {
      observations.add(new Sentinel1Observation(s, new ReprojectionSampler()));
    }
    InMemoryCompositeSink sink = new InMemoryCompositeSink();
    TemporalCompositor.builder().grid(grid()).tileSize(16).threads(2).finisher(new Sentinel1Finisher(true)).build()
        .run(observations, sink, (d, t, s) -> { });
    return sink;
  }

  @Test
  void averagesLinearPowerAndOutputsDecibelsWithRatio() throws Exception {
    Random random = new Random(42);
    List<float[][]> pairs = new ArrayList<>();
    List<Sentinel1Scene> linear = new ArrayList<>();
    List<Sentinel1Scene> decibel = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pairs.add(linearPair(random));
      linear.add(scene(i, pairs.get(i), BackscatterScale.LINEAR_POWER));
      decibel.add(scene(i, pairs.get(i), BackscatterScale.DECIBEL));
    }
    InMemoryCompositeSink fromLinear = composite(linear);
    InMemoryCompositeSink fromDb = composite(decibel);
    assertThat(fromLinear.layout().bandNames())
        .containsExactly("VV", "VH", "VV_VH", "VV_mean", "VH_mean", "VV_VH_mean", "count");
    for (int p = 0; p < N * N; p++) {
      // Reference by plain loops: mean and median of linear power over dates where VV and VH are > 0.
      List<Double> vv = new ArrayList<>();
      List<Double> vh = new ArrayList<>();
      for (float[][] pair : pairs) {
        if (pair[0][p] > 0 && pair[1][p] > 0) {
          vv.add((double) pair[0][p]);
          vh.add((double) pair[1][p]);
        }
      }
      assertThat(fromLinear.band("count")[p]).isEqualTo((float) vv.size());
      double vvMeanDb = 10 * Math.log10(vv.stream().mapToDouble(d -> d).average().orElseThrow());
      double vhMeanDb = 10 * Math.log10(vh.stream().mapToDouble(d -> d).average().orElseThrow());
      // float32 linear values: dB agree to ~1e-5 dB; the dB input went through a float32 log/exp round trip.
      assertThat((double) fromLinear.band("VV_mean")[p]).isCloseTo(vvMeanDb, within(1e-4));
      assertThat((double) fromLinear.band("VH")[p]).isCloseTo(10 * Math.log10(median(vh)), within(1e-4));
      assertThat((double) fromLinear.band("VV_VH_mean")[p]).isCloseTo(vvMeanDb - vhMeanDb, within(2e-4));
      assertThat((double) fromDb.band("VV_mean")[p]).isCloseTo(vvMeanDb, within(1e-3));
      assertThat((double) fromDb.band("VV_VH")[p])
          .isCloseTo(10 * Math.log10(median(vv)) - 10 * Math.log10(median(vh)), within(2e-3));
    }
    // Averaging in dB would be biased low by ~2.5 dB for single-look speckle: make sure that is not what happened.
    double meanOfDb = 0;
    for (float[][] pair : pairs) {
      meanOfDb += pair[1][0] > 0 ? 10 * Math.log10(pair[1][0]) / pairs.size() : 0;
    }
    assertThat(Math.abs(fromLinear.band("VH_mean")[0] - meanOfDb)).isGreaterThan(0.1);
  }

  static double median(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  @Test
  void detectsScaleFromUnitsAndValues() throws Exception {
    assertThat(BackscatterScaleDetector.fromUnit("dB")).contains(BackscatterScale.DECIBEL);
    assertThat(BackscatterScaleDetector.fromUnit("linear")).contains(BackscatterScale.LINEAR_POWER);
    assertThat(BackscatterScaleDetector.fromRasterBands(new ObjectMapper().readTree("[{\"unit\": \"dB\", \"nodata\": -32768}]")))
        .contains(BackscatterScale.DECIBEL);
    float[][] pair = linearPair(new Random(1));
    assertThat(BackscatterScaleDetector.fromValues(scene(0, pair, BackscatterScale.LINEAR_POWER).vv()))
        .contains(BackscatterScale.LINEAR_POWER);
    assertThat(BackscatterScaleDetector.fromValues(scene(0, pair, BackscatterScale.DECIBEL).vh()))
        .contains(BackscatterScale.DECIBEL);
    float[] odd = new float[N * N];
    java.util.Arrays.fill(odd, 250f); // all positive and far above any linear γ0: uint8-scaled? ambiguous
    var ambiguous = ArrayRasterSource.of("odd", grid(), DataType.FLOAT32, OptionalDouble.empty(), odd);
    assertThat(BackscatterScaleDetector.fromValues(ambiguous)).isEmpty();
    assertThatThrownBy(() -> BackscatterScaleDetector.detect("odd_VV.tif", Optional.empty(), ambiguous))
        .isInstanceOf(IOException.class).hasMessageContaining("odd_VV.tif: cannot tell").hasMessageContaining("--s1-scale");
  }

  @Test
  void rejectsRawGrd() throws Exception {
    var dn = ArrayRasterSource.of("s1a-iw-grd-vv.tiff", grid(), DataType.UINT16, OptionalDouble.empty(), new float[N * N]);
    assertThatThrownBy(() -> Sentinel1Scene.requireTerrainCorrected("s1a-iw-grd-vv.tiff", dn))
        .isInstanceOf(IOException.class).hasMessageContaining("raw Sentinel-1 GRD")
        .hasMessageContaining("terrain-corrected");
    assertThatThrownBy(() -> Sentinel1Scene.requireTerrainCorrected("item", "sentinel-1-grd", "GRD"))
        .isInstanceOf(IOException.class).hasMessageContaining("sentinel-1-rtc");
    Sentinel1Scene.requireTerrainCorrected("item", "sentinel-1-rtc", "GRD"); // RTC derived from GRD is fine
  }
}

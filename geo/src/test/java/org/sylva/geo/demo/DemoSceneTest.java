package org.sylva.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.gedi.FootprintRasterizer;
import org.sylva.geo.gedi.GediAoi;
import org.sylva.geo.gedi.GediFileReport;
import org.sylva.geo.gedi.GediFilterOptions;
import org.sylva.geo.gedi.GediFilterStep;
import org.sylva.geo.gedi.GediFootprint;
import org.sylva.geo.gedi.GediHeightMetric;
import org.sylva.geo.gedi.GediIngest;
import org.sylva.geo.gedi.GediWriter;
import org.sylva.geo.sentinel2.Sentinel2Band;

class DemoSceneTest {

  static DemoScene scene;

  @BeforeAll
  static void generate() {
    scene = DemoScene.generate(DemoSceneSpec.defaults(1).withSize(512).withDates(4, 6));
  }

  @Test
  void sameSeedSameArraysDifferentSeedDifferent() throws Exception {
    DemoSceneSpec spec = DemoSceneSpec.defaults(9).withSize(128).withDates(2, 2);
    DemoScene a = DemoScene.generate(spec);
    DemoScene b = DemoScene.generate(spec);
    assertThat(b.landscape().canopyHeight()).isEqualTo(a.landscape().canopyHeight());
    assertThat(b.landscape().cover()).isEqualTo(a.landscape().cover());
    var window = a.grid20m().fullWindow();
    assertThat(b.sentinel2(1).bands().get(Sentinel2Band.B11).read(window, 0))
        .isEqualTo(a.sentinel2(1).bands().get(Sentinel2Band.B11).read(window, 0));
    assertThat(b.sentinel2(1).scl().read(window, 0)).isEqualTo(a.sentinel2(1).scl().read(window, 0));
    assertThat(b.sentinel1(1).vh().read(a.grid().fullWindow(), 0)).isEqualTo(a.sentinel1(1).vh().read(a.grid().fullWindow(), 0));
    var ga = a.gedi();
    var gb = b.gedi();
    assertThat(gb).hasSameSizeAs(ga);
    assertThat(gb.get(0).fileName()).isEqualTo(ga.get(0).fileName());
    assertThat(gb.get(0).beams().get(0).rh()).isDeepEqualTo(ga.get(0).beams().get(0).rh());
    // Dates are independent streams: generating date 1 before date 0 changes nothing.
    DemoScene c = DemoScene.generate(spec);
    c.sentinel2(1);
    assertThat(c.sentinel2(0).bands().get(Sentinel2Band.B04).read(a.grid().fullWindow(), 0))
        .isEqualTo(a.sentinel2(0).bands().get(Sentinel2Band.B04).read(a.grid().fullWindow(), 0));

    DemoScene other = DemoScene.generate(new DemoSceneSpec(10, 128, 128, spec.originX(), spec.originY(), 2023, 2, 2, 0.035));
    assertThat(other.landscape().canopyHeight()).isNotEqualTo(a.landscape().canopyHeight());
  }

  @Test
  void landscapeIsLandesLike() {
    float[] h = scene.landscape().canopyHeight();
    byte[] cover = scene.landscape().cover();
    int[] counts = new int[CoverType.values().length];
    double sum = 0;
    float max = 0;
    float min = Float.MAX_VALUE;
    for (int i = 0; i < h.length; i++) {
      counts[cover[i]]++;
      sum += h[i];
      max = Math.max(max, h[i]);
      min = Math.min(min, h[i]);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isBetween(24f, 32f); // mature pine 25–30 m
    assertThat(sum / h.length).isBetween(8.0, 20.0);
    double clearcut = counts[CoverType.CLEARCUT.code()] / (double) h.length;
    double broadleaf = counts[CoverType.BROADLEAF.code()] / (double) h.length;
    double pine = (counts[CoverType.PINE.code()] + counts[CoverType.YOUNG_PINE.code()]) / (double) h.length;
    assertThat(clearcut).isBetween(0.02, 0.15);
    assertThat(broadleaf).isBetween(0.03, 0.12);
    assertThat(pine).isGreaterThan(0.7);
    assertThat(counts[CoverType.ROAD.code()]).isPositive();
  }

  @Test
  void gediCoverageAfterFiltersAndFiltersMatter(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (DemoScene.GediGranule granule : scene.gedi()) {
      Path file = dir.resolve(granule.fileName());
      GediWriter.write(file, granule.beams());
      files.add(file);
    }
    double[] b = scene.grid().bounds();
    List<GediFootprint> kept = new ArrayList<>();
    List<GediFileReport> reports = new GediIngest(scene.grid().crs(), GediFilterOptions.builder()
        .dateRange(scene.spec().yearStart(), scene.spec().yearEnd()).aoi(GediAoi.bounds(b[0], b[1], b[2], b[3])).build())
        .ingestAll(files, kept::add);
    for (GediFilterStep step : List.of(GediFilterStep.QUALITY_FLAG, GediFilterStep.DEGRADE_FLAG,
        GediFilterStep.SENSITIVITY, GediFilterStep.LEAF_OFF, GediFilterStep.DATE_RANGE, GediFilterStep.AOI)) {
      assertThat(reports.stream().mapToLong(r -> r.dropped(step)).sum()).as(step.label()).isPositive();
    }
    var raster = new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98).rasterize(kept, scene.grid());
    double coverage = raster.hitPixels() / (double) scene.grid().pixelCount();
    assertThat(coverage).isBetween(0.02, 0.05);

    // Kept footprints measure the canopy: RH98 within ~2 m of the true height on average; all shots would not.
    float[] truth = scene.landscape().canopyHeight();
    double keptError = meanAbsoluteError(raster, truth);
    List<GediFootprint> all = new ArrayList<>();
    new GediIngest(scene.grid().crs(), GediFilterOptions.builder().requireQualityFlag(false).excludeDegraded(false)
        .minSensitivity(0).leafOnOnly(false).aoi(GediAoi.bounds(b[0], b[1], b[2], b[3])).build()).ingestAll(files, all::add);
    double allError = meanAbsoluteError(
        new FootprintRasterizer(FootprintRasterizer.Shape.DISC, GediHeightMetric.RH98).rasterize(all, scene.grid()), truth);
    assertThat(keptError).isLessThan(2.5);
    assertThat(allError).isGreaterThan(1.5 * keptError);
  }

  private static double meanAbsoluteError(FootprintRasterizer.Result raster, float[] truth) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      if (raster.counts()[i] > 0) {
        sum += Math.abs(raster.values()[i] - truth[i]);
        n++;
      }
    }
    return sum / n;
  }

  @Test
  void sentinel1SaturatesForTallStandsAndNdviFollowsCrownClosure() throws Exception {
    float[] h = scene.landscape().canopyHeight();
    byte[] cover = scene.landscape().cover();
    float[] vh = new float[h.length];
    for (int d = 0; d < 6; d++) {
      float[] v = scene.sentinel1(d).vh().read(scene.grid().fullWindow(), 0);
      for (int i = 0; i < h.length; i++) {
        vh[i] += v[i] / 6;
      }
    }
    var s2 = scene.sentinel2(0);
    float[] red = s2.bands().get(Sentinel2Band.B04).read(scene.grid().fullWindow(), 0);
    float[] nir = s2.bands().get(Sentinel2Band.B08).read(scene.grid().fullWindow(), 0);
    double[][] bins = {{0, 0.5}, {5, 8}, {18, 21}, {24, 32}};
    double[] vhDb = new double[bins.length];
    double[] ndvi = new double[bins.length];
    for (int k = 0; k < bins.length; k++) {
      int n = 0;
      for (int i = 0; i < h.length; i++) {
        if (h[i] >= bins[k][0] && h[i] <= bins[k][1] && cover[i] != CoverType.BROADLEAF.code() && cover[i] > 1) {
          vhDb[k] += 10 * Math.log10(vh[i]);
          double r = (red[i] - 1000) / 1e4;
          double nr = (nir[i] - 1000) / 1e4;
          ndvi[k] += (nr - r) / (nr + r);
          n++;
        }
      }
      vhDb[k] /= n;
      ndvi[k] /= n;
    }
    assertThat(vhDb[1] - vhDb[0]).as("VH rises over young stands").isGreaterThan(2);
    assertThat(Math.abs(vhDb[3] - vhDb[2])).as("VH saturated for tall stands").isLessThan(1);
    assertThat(ndvi[1] - ndvi[0]).as("NDVI rises with crown closure").isGreaterThan(0.1);
  }
}

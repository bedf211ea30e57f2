package org.sylva.geo.warp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.operation.MathTransform;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterBlock;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.raster.Resampling;
import org.sylva.geo.testing.TestRasters;

/** Reprojection semantics that follow from the definitions, without GDAL (GDAL agreement: ReprojectionInteropTest). */
class ReprojectionTest {

  private static final int W = 120;
  private static final int H = 90;

  /** A block in memory as a raster source. */
  private static RasterSource inMemory(GridGeometry grid, float[] samples, Float nodata) {
    RasterBlock block = new RasterBlock(grid, DataType.FLOAT32, List.of("v"),
        nodata == null ? OptionalDouble.empty() : OptionalDouble.of(nodata), new float[][] {samples});
    return new RasterSource() {
      @Override public GridGeometry grid() { return grid; }
      @Override public DataType dataType() { return DataType.FLOAT32; }
      @Override public int bandCount() { return 1; }
      @Override public List<String> bandNames() { return block.bandNames(); }
      @Override public OptionalDouble nodata() { return block.nodata(); }
      @Override public float[] read(PixelWindow w, int band) {
        float[] out = new float[(int) w.pixelCount()];
        for (int r = 0; r < w.height(); r++) {
          System.arraycopy(samples, (w.row() + r) * grid.width() + w.col(), out, r * w.width(), w.width());
        }
        return out;
      }
    };
  }

  @Test
  void theSameGridComesBackUnchangedWithEveryMethod() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(W, H, 20);
    float[] v = TestRasters.terrain(W, H, 50, 20, 10, 1, 3);
    RasterSource src = inMemory(grid, v, null);
    for (Resampling m : Resampling.values()) {
      TestRasters.assertSameSamples(Reprojection.read(src, 0, grid, m), v);
    }
  }

  @Test
  void twentyMetresOntoTenMetresReplicatesPixelsWithNearest() throws IOException {
    GridGeometry coarse = TestRasters.utmGrid(W, H, 20);
    GridGeometry fine = TestRasters.utmGrid(2 * W, 2 * H, 10);
    float[] v = TestRasters.terrain(W, H, 50, 20, 10, 1, 4);
    float[] out = Reprojection.read(inMemory(coarse, v, null), 0, fine, Resampling.NEAREST);
    for (int r = 0; r < 2 * H; r++) {
      for (int c = 0; c < 2 * W; c++) {
        assertThat(out[r * 2 * W + c]).isEqualTo(v[(r / 2) * W + c / 2]);
      }
    }
  }

  @Test
  void tenMetresOntoTwentyMetresAveragesBlocksIgnoringNodata() throws IOException {
    GridGeometry fine = TestRasters.utmGrid(2 * W, 2 * H, 10);
    GridGeometry coarse = TestRasters.utmGrid(W, H, 20);
    float[] v = TestRasters.terrain(2 * W, 2 * H, 50, 20, 10, 1, 5);
    v[0] = -1; // one nodata pixel in the first 2x2 block
    TestRasters.hole(v, 2 * W, 40, 40, 2, 2, -1); // a whole block of nodata
    float[] out = Reprojection.read(inMemory(fine, v, -1f), 0, coarse, Resampling.AVERAGE);
    assertThat(out[0]).isCloseTo((v[1] + v[2 * W] + v[2 * W + 1]) / 3f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(out[20 * W + 20]).isNaN();
    assertThat(out[5 * W + 7]).isCloseTo((v[10 * 2 * W + 14] + v[10 * 2 * W + 15] + v[11 * 2 * W + 14] + v[11 * 2 * W + 15]) / 4f,
        org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void targetPixelsOutsideTheSourceAreNaN() throws IOException {
    GridGeometry src = TestRasters.utmGrid(W, H, 20);
    GridGeometry shifted = new GridGeometry(src.crs(), GeoTransform.northUp(600000 + 20 * (W - 10), 4950000, 20, 20), W, H);
    float[] out = Reprojection.read(inMemory(src, TestRasters.terrain(W, H, 5, 1, 9, 0, 1), null), 0, shifted, Resampling.BILINEAR);
    assertThat(out[5]).isNotNaN();
    assertThat(out[10]).isNaN();
    assertThat(out[W - 1]).isNaN();
  }

  @Test
  void latticeInterpolationMatchesExactSisTransformsWithinTolerance() throws Exception {
    GridGeometry wgs84 = new GridGeometry(Crs.epsg(4326), GeoTransform.northUp(-1.5, 44.8, 0.0002, 0.0002), 2000, 1500);
    GridGeometry utm = new GridGeometry(Crs.epsg(32630), GeoTransform.northUp(620000, 4960000, 10, 10), 700, 500);
    PixelMapping mapping = PixelMapping.between(utm, wgs84);
    assertThat(mapping.isAffine()).isFalse();
    double[] xs = new double[700 * 500];
    double[] ys = new double[700 * 500];
    mapping.positions(0, 0, 700, 500, 0.5, xs, ys);
    // Independent chain: UTM pixel centre -> UTM metres -> (SIS) longitude/latitude -> WGS 84 pixel.
    MathTransform utmToLonLat = CRS.findOperation(Crs.epsg(32630), Crs.epsg(4326), null).getMathTransform();
    MathTransform chain = MathTransforms.concatenate(
        MathTransforms.linear(new Matrix3(10, 0, 620000, 0, -10, 4960000, 0, 0, 1)), utmToLonLat,
        MathTransforms.linear(new Matrix3(1 / 0.0002, 0, 1.5 / 0.0002, 0, -1 / 0.0002, 44.8 / 0.0002, 0, 0, 1)));
    double worst = 0;
    double[] p = new double[2];
    for (int r = 0; r < 500; r += 7) {
      for (int c = 0; c < 700; c += 3) {
        p[0] = c + 0.5;
        p[1] = r + 0.5;
        chain.transform(p, 0, p, 0, 1);
        worst = Math.max(worst, Math.max(Math.abs(p[0] - xs[r * 700 + c]), Math.abs(p[1] - ys[r * 700 + c])));
      }
    }
    assertThat(worst).isLessThan(PixelMapping.TOLERANCE_PIXELS);
  }
}

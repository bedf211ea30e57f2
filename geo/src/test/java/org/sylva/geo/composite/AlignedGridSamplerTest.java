package org.sylva.geo.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.testing.ExternalTools;

class AlignedGridSamplerTest {

  static final int SW = 12;
  static final int SH = 9;

  static ArrayRasterSource source20m(long seed) throws Exception {
    GridGeometry g = new GridGeometry(CRS.forCode("EPSG:32630"), GeoTransform.northUp(600_000, 5_000_000, 20, 20), SW, SH);
    float[] v = new float[SW * SH];
    Random random = new Random(seed);
    for (int i = 0; i < v.length; i++) {
      v[i] = 1000 + random.nextInt(3000);
    }
    return ArrayRasterSource.of("B11", g, DataType.UINT16, OptionalDouble.of(0), v);
  }

  static GridGeometry target10m() throws Exception {
    return new GridGeometry(CRS.forCode("EPSG:32630"), GeoTransform.northUp(600_000, 5_000_000, 10, 10), 2 * SW, 2 * SH);
  }

  @Test
  void bilinearMatchesGdalInTheInteriorAndNearestPicksTheCoveringPixel() throws Exception {
    ExternalTools.requirePythonModules("rasterio", "numpy");
    ArrayRasterSource src = source20m(5);
    float[] values = src.read(src.grid().fullWindow(), 0);
    StringBuilder csv = new StringBuilder();
    for (float v : values) {
      csv.append((int) v).append(',');
    }
    // GDAL's bilinear (through rasterio) on the same arrays and transforms.
    String out = ExternalTools.python("""
        import sys, numpy as np
        from rasterio.warp import reproject, Resampling
        from rasterio.transform import Affine
        src = np.array([float(v) for v in sys.argv[1].strip(',').split(',')], dtype=np.float32).reshape(%d, %d)
        dst = np.zeros((%d, %d), dtype=np.float32)
        reproject(src, dst, src_transform=Affine(20, 0, 600000, 0, -20, 5000000), src_crs='EPSG:32630',
                  dst_transform=Affine(10, 0, 600000, 0, -10, 5000000), dst_crs='EPSG:32630',
                  resampling=Resampling.bilinear)
        print(','.join(repr(float(v)) for v in dst.ravel()))
        """.formatted(SH, SW, 2 * SH, 2 * SW), csv.toString()).trim();
    String[] gdal = out.split(",");
    float[] ours = new AlignedGridSampler().sample(src, 0, target10m(), false);
    int compared = 0;
    for (int r = 1; r < 2 * SH - 1; r++) {
      for (int c = 1; c < 2 * SW - 1; c++) {
        // Interior only: at the outer half source pixel GDAL and this sampler extrapolate differently.
        assertThat((double) ours[r * 2 * SW + c]).as("(%d, %d)", c, r)
            .isCloseTo(Double.parseDouble(gdal[r * 2 * SW + c]), within(1e-3)); // float32 DN ~1000-4000
        compared++;
      }
    }
    assertThat(compared).isEqualTo((2 * SH - 2) * (2 * SW - 2));

    float[] nearest = new AlignedGridSampler().sample(src, 0, target10m(), true);
    for (int r = 0; r < 2 * SH; r++) {
      for (int c = 0; c < 2 * SW; c++) {
        assertThat(nearest[r * 2 * SW + c]).isEqualTo(values[(r / 2) * SW + c / 2]);
      }
    }
  }

  @Test
  void windowsOutsideAndMisalignedGrids() throws Exception {
    ArrayRasterSource src = source20m(1);
    GridGeometry target = target10m();
    // A window hanging over the right edge of the source: inside values equal the full-grid result, outside NaN.
    GridGeometry wide = new GridGeometry(target.crs(), target.transform().shifted(20, 0), 10, 4);
    float[] part = new AlignedGridSampler().sample(src, 0, wide, false);
    float[] full = new AlignedGridSampler().sample(src, 0, target, false);
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 10; c++) {
        float expected = 20 + c < 2 * SW ? full[r * 2 * SW + 20 + c] : Float.NaN;
        assertThat(Float.valueOf(part[r * 10 + c])).isEqualTo(Float.valueOf(expected)); // NaN equals NaN boxed
      }
    }
    GridGeometry shifted = new GridGeometry(target.crs(), GeoTransform.northUp(600_005, 5_000_000, 10, 10), 4, 4);
    assertThatThrownBy(() -> new AlignedGridSampler().sample(src, 0, shifted, false)).isInstanceOf(IOException.class)
        .hasMessageContaining("not aligned");
    assertThat(src.read(new PixelWindow(0, 0, 1, 1), 0)).hasSize(1);
  }
}

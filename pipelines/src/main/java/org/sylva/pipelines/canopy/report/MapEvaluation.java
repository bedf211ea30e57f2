package org.sylva.pipelines.canopy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.models.metrics.HeightAccuracy;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.models.plot.Charts;
import org.sylva.models.plot.Colormap;
import org.sylva.pipelines.canopy.dataset.PatchRecord;
import org.sylva.pipelines.canopy.dataset.PatchTable;
import org.sylva.pipelines.canopy.dataset.Split;
import org.sylva.pipelines.canopy.predict.MapFormat;

/**
 * The finished map against references it never trained on: the GEDI footprints of the test split (the map
 * value at each footprint's centre pixel against its RH metric, one pair per footprint), and, when the truth
 * is known (demo scene), the true canopy height wall to wall — over all pixels and over the test patches
 * only — with a map of the error.
 */
public final class MapEvaluation {

  private MapEvaluation() {}

  /** Map heights (m) of a whole band, decoded. */
  public static float[] readMap(Path map, MapFormat format) throws IOException {
    try (GeoTiffReader reader = GeoTiff.open(map)) {
      float[] values = reader.read(reader.grid().fullWindow(), 0);
      for (int i = 0; i < values.length; i++) {
        values[i] = format.decode(values[i]);
      }
      return values;
    }
  }

  /** Pairs (map at the footprint pixel, footprint height) for the footprints of the test split. */
  public static HeightEvaluation againstTestFootprints(float[] map, int width, Path footprintTable, String metric)
      throws IOException {
    List<float[]> pairs = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(footprintTable))
        .withDataModel(GenericData.get()).withConf(new PlainParquetConfiguration()).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        if (Split.TEST.label().equals(r.get("split").toString())) {
          int row = (Integer) r.get("row");
          int col = (Integer) r.get("col");
          pairs.add(new float[] {map[row * width + col], ((Double) r.get(metric)).floatValue()});
        }
      }
    }
    float[] predicted = new float[pairs.size()];
    float[] reference = new float[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      predicted[i] = pairs.get(i)[0];
      reference[i] = pairs.get(i)[1];
    }
    return HeightEvaluation.of(predicted, reference);
  }

  /** Map against the truth wall to wall, and within the test patches of the patch table. */
  public record TruthComparison(HeightAccuracy allPixels, HeightAccuracy testPatches, float[] error) {}

  public static TruthComparison againstTruth(float[] map, Path truth, Path patchTable) throws IOException {
    float[] reference;
    GridGeometry grid;
    try (GeoTiffReader reader = GeoTiff.open(truth)) {
      grid = reader.grid();
      reference = reader.read(grid.fullWindow(), 0);
    }
    if (reference.length != map.length) {
      throw new IOException(truth + ": " + grid.width() + "x" + grid.height() + " truth does not match the map");
    }
    boolean[] inTest = new boolean[map.length];
    for (PatchRecord p : PatchTable.read(patchTable, List.of(), s -> s == Split.TEST)) {
      PixelWindow w = new PixelWindow(p.col(), p.row(), p.size(), p.size());
      for (int r = w.row(); r < w.endRow(); r++) {
        java.util.Arrays.fill(inTest, r * grid.width() + w.col(), r * grid.width() + w.endCol(), true);
      }
    }
    int n = 0;
    for (boolean b : inTest) {
      n += b ? 1 : 0;
    }
    float[] testMap = new float[n];
    float[] testTruth = new float[n];
    float[] error = new float[map.length];
    for (int i = 0, k = 0; i < map.length; i++) {
      error[i] = map[i] - reference[i];
      if (inTest[i]) {
        testMap[k] = map[i];
        testTruth[k++] = reference[i];
      }
    }
    return new TruthComparison(HeightAccuracy.of(map, reference), HeightAccuracy.of(testMap, testTruth), error);
  }

  /** The error field (map − truth) as a diverging colour map, block-averaged to at most 1000 px wide. */
  public static void writeErrorMap(Path png, float[] error, GridGeometry grid, double limitMetres) throws IOException {
    int factor = Math.max(1, (int) Math.ceil(Math.max(grid.width(), grid.height()) / 1000.0));
    int w = (grid.width() + factor - 1) / factor;
    int h = (grid.height() + factor - 1) / factor;
    float[] small = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        int count = 0;
        for (int r = y * factor; r < Math.min(grid.height(), (y + 1) * factor); r++) {
          for (int c = x * factor; c < Math.min(grid.width(), (x + 1) * factor); c++) {
            float v = error[r * grid.width() + c];
            if (Float.isFinite(v)) {
              sum += v;
              count++;
            }
          }
        }
        small[y * w + x] = count == 0 ? Float.NaN : (float) (sum / count);
      }
    }
    double[] b = grid.bounds();
    Charts.field(png, "Map − true canopy height", "easting (m)", "northing (m)", small, w, h, b[0], b[2], b[1], b[3],
        Colormap.BLUE_RED, -limitMetres, limitMetres, "error (m)");
  }
}

package org.sylva.geo.gedi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;

class GediWriterTest {

  @TempDir Path dir;

  static GediBeamData beam(GediBeam beam, int n, long seed) {
    Random random = new Random(seed);
    long[] shots = new long[n];
    double[] dt = new double[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    double[] elev = new double[n];
    double[][] rh = new double[n][101];
    int[] quality = new int[n];
    int[] degrade = new int[n];
    float[] sens = new float[n];
    int[] leaf = new int[n];
    for (int i = 0; i < n; i++) {
      shots[i] = 84_123_000_000_000_000L + beam.number() * 1_000_000L + i;
      dt[i] = 1.1e8 + i * 0.0165;
      lat[i] = 44.2 + random.nextGaussian() * 0.01;
      lon[i] = -0.9 + random.nextGaussian() * 0.01;
      elev[i] = 60 + random.nextDouble();
      for (int p = 0; p <= 100; p++) {
        rh[i][p] = -3 + p * 0.25 + random.nextDouble() * 0.1;
      }
      quality[i] = random.nextInt(2);
      degrade[i] = random.nextInt(4) == 0 ? 13 : 0;
      sens[i] = 0.8f + random.nextFloat() * 0.2f;
      leaf[i] = random.nextInt(2);
    }
    return new GediBeamData(beam, shots, dt, lat, lon, elev, rh, quality, degrade, sens, leaf);
  }

  @Test
  void writesGediLayoutThatH5pyAndTheReaderReadBack() throws Exception {
    List<GediBeamData> beams = List.of(beam(GediBeam.BEAM0010, 40, 1), beam(GediBeam.BEAM1000, 75, 2));
    Path file = dir.resolve("GEDI02_A_demo.h5");
    GediWriter.write(file, beams);

    ExternalTools.requirePythonModules("h5py", "numpy");
    String json = ExternalTools.python("""
        import h5py, json, sys
        out = {}
        with h5py.File(sys.argv[1], 'r') as f:
            for name in f:
                g = f[name]
                out[name] = {k: {'dtype': str(g[k].dtype), 'shape': list(g[k].shape)} for k in
                             ['shot_number', 'beam', 'delta_time', 'lat_lowestmode', 'lon_lowestmode',
                              'elev_lowestmode', 'rh', 'quality_flag', 'degrade_flag', 'sensitivity',
                              'land_cover_data/leaf_off_flag']}
                out[name]['values'] = {
                    'shot_number': [int(v) for v in g['shot_number'][()]],
                    'beam': [int(v) for v in g['beam'][()]],
                    'rh': g['rh'][()].tolist(),
                    'lat': g['lat_lowestmode'][()].tolist(),
                    'sensitivity': [float(v) for v in g['sensitivity'][()]],
                    'degrade': [int(v) for v in g['degrade_flag'][()]],
                    'leaf_off': [int(v) for v in g['land_cover_data/leaf_off_flag'][()]],
                    'master_time_epoch': float(g['ancillary/master_time_epoch'][0]),
                }
        print(json.dumps(out))
        """, file.toString());
    JsonNode read = new ObjectMapper().readTree(json);
    assertThat(read.fieldNames()).toIterable().containsExactly("BEAM0010", "BEAM1000");
    for (GediBeamData expected : beams) {
      JsonNode g = read.get(expected.beam().name());
      // jHDF writes signed integers only: int8 flags and int64 shot numbers instead of NASA's uint8/uint64.
      assertThat(g.get("quality_flag").get("dtype").asText()).isEqualTo("int8");
      assertThat(g.get("shot_number").get("dtype").asText()).isEqualTo("int64");
      assertThat(g.get("rh").get("dtype").asText()).isEqualTo("float64");
      assertThat(g.get("rh").get("shape").toString()).isEqualTo("[" + expected.size() + ",101]");
      assertThat(g.get("sensitivity").get("dtype").asText()).isEqualTo("float32");
      JsonNode v = g.get("values");
      assertThat(v.get("master_time_epoch").asDouble()).isEqualTo(GediTime.DEFAULT_MASTER_EPOCH_GPS_SECONDS);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(v.get("shot_number").get(i).asLong()).isEqualTo(expected.shotNumber()[i]);
        assertThat(v.get("beam").get(i).asInt()).isEqualTo(expected.beam().number());
        assertThat(v.get("lat").get(i).asDouble()).isEqualTo(expected.latLowestMode()[i]);
        assertThat(v.get("sensitivity").get(i).asDouble()).isEqualTo((double) expected.sensitivity()[i]);
        assertThat(v.get("degrade").get(i).asInt()).isEqualTo(expected.degradeFlag()[i]);
        assertThat(v.get("leaf_off").get(i).asInt()).isEqualTo(expected.leafOffFlag()[i]);
        for (int p = 0; p <= 100; p++) {
          assertThat(v.get("rh").get(i).get(p).asDouble()).isEqualTo(expected.rh()[i][p]);
        }
      }
    }

    try (GediL2aReader reader = GediL2aReader.open(file)) {
      for (GediBeamData expected : beams) {
        GediShotBatch batch = reader.readBeam(expected.beam());
        assertThat(batch.shotNumber()).isEqualTo(expected.shotNumber());
        assertThat(batch.deltaTime()).isEqualTo(expected.deltaTime());
        assertThat(batch.lonLowestMode()).isEqualTo(expected.lonLowestMode());
        assertThat(batch.elevLowestMode()).isEqualTo(expected.elevLowestMode());
        assertThat(batch.qualityFlag()).isEqualTo(expected.qualityFlag());
        assertThat(batch.degradeFlag()).isEqualTo(expected.degradeFlag());
        assertThat(batch.leafOffFlag()).isEqualTo(expected.leafOffFlag());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(batch.rh98()[i]).isEqualTo(expected.rh()[i][98]);
          assertThat(batch.rh100()[i]).isEqualTo(expected.rh()[i][100]);
        }
      }
    }
  }
}

package org.sylva.geo.gedi;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sylva.geo.io.AtomicOutput;

/**
 * Writes GEDI02_A-layout HDF5 granules in pure Java (jHDF): one group per beam with {@code shot_number,
 * beam, delta_time, lat_lowestmode, lon_lowestmode, elev_lowestmode, rh (N×101), quality_flag,
 * degrade_flag, sensitivity, land_cover_data/leaf_off_flag}, plus {@code ancillary/master_time_epoch}.
 *
 * <p>Types: jHDF 0.9.4 writes only signed integers, so flags are int8 (uint8 in NASA files), shot numbers
 * int64 (uint64; real shot numbers fit) and {@code beam} int16 (uint16). The values are identical and
 * {@link GediL2aReader} accepts both. Float types match NASA's (rh float64, sensitivity float32). Datasets
 * are contiguous and uncompressed (jHDF cannot write chunked/deflate). The file appears atomically.
 */
public final class GediWriter {

  private GediWriter() {}

  public static void write(Path target, List<GediBeamData> beams) throws IOException {
    AtomicOutput.write(target, temporary -> {
      try (WritableHdfFile hdf = HdfFile.write(temporary)) {
        hdf.putAttribute("short_name", "GEDI_L2A");
        hdf.putAttribute("producer", "Sylva demo scene (synthetic data, GEDI02_A layout)");
        for (GediBeamData data : beams) {
          putBeam(hdf.putGroup(data.beam().name()), data);
        }
      } catch (HdfException e) {
        throw new GediFormatException(target, "cannot write HDF5: " + e.getMessage(), e);
      }
    });
  }

  private static void putBeam(WritableGroup group, GediBeamData data) {
    int n = data.size();
    group.putAttribute("description", data.beam().isPower() ? "Full power beam" : "Coverage beam");
    short[] beamNumbers = new short[n];
    java.util.Arrays.fill(beamNumbers, (short) data.beam().number());
    group.putDataset("shot_number", data.shotNumber());
    group.putDataset("beam", beamNumbers);
    group.putDataset("delta_time", data.deltaTime());
    group.putDataset("lat_lowestmode", data.latLowestMode());
    group.putDataset("lon_lowestmode", data.lonLowestMode());
    group.putDataset("elev_lowestmode", data.elevLowestMode());
    group.putDataset("rh", data.rh());
    group.putDataset("quality_flag", bytes(data.qualityFlag()));
    group.putDataset("degrade_flag", bytes(data.degradeFlag()));
    group.putDataset("sensitivity", data.sensitivity());
    group.putGroup("land_cover_data").putDataset("leaf_off_flag", bytes(data.leafOffFlag()));
    group.putGroup("ancillary").putDataset("master_time_epoch", new double[] {GediTime.DEFAULT_MASTER_EPOCH_GPS_SECONDS});
  }

  private static byte[] bytes(int[] flags) {
    byte[] out = new byte[flags.length];
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] < 0 || flags[i] > 127) {
        throw new IllegalArgumentException("flag value " + flags[i] + " does not fit int8");
      }
      out[i] = (byte) flags[i];
    }
    return out;
  }
}

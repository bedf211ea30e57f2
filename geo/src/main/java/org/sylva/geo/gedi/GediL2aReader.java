package org.sylva.geo.gedi;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
import io.jhdf.object.datatype.FloatingPoint;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads GEDI L2A granules (GEDI02_A HDF5, release 1 and V002, full granules or subsets) with the pure-Java
 * jHDF library. Beams are read one at a time ({@link #readBeam}), so memory holds one beam's selected
 * columns (~60 bytes a shot: ~20 MB for the ~3·10^5 shots of a full-granule beam), never the whole file.
 * Of the (N, 101) {@code rh} matrix only RH95, RH98 and RH100 are kept: a chunked {@code rh} is decoded
 * chunk by chunk (jHDF 0.9.4's hyperslab reads return zeros past the first chunk of chunked datasets, so
 * they are not used on chunked data). Any subset of the eight beam groups may be present; other groups
 * (METADATA, ancillary) are ignored.
 *
 * <p>Required per beam: {@code shot_number, delta_time, lat_lowestmode, lon_lowestmode, rh, quality_flag,
 * degrade_flag, sensitivity, land_cover_data/leaf_off_flag}; optional: {@code elev_lowestmode},
 * {@code beam} (checked against the group name when present), {@code ancillary/master_time_epoch}. Errors are
 * {@link GediFormatException}s naming the file, the beam and the dataset. Not thread-safe: one reader per
 * thread.
 */
public final class GediL2aReader implements AutoCloseable {

  private static final String[] REQUIRED = {
      "shot_number", "delta_time", "lat_lowestmode", "lon_lowestmode", "rh",
      "quality_flag", "degrade_flag", "sensitivity", "land_cover_data/leaf_off_flag"};
  private static final int[] RH_COLUMNS = {95, 98, 100};

  private final Path file;
  private final HdfFile hdf;

  private GediL2aReader(Path file, HdfFile hdf) {
    this.file = file;
    this.hdf = hdf;
  }

  public static GediL2aReader open(Path file) throws GediFormatException {
    if (!Files.isRegularFile(file)) {
      throw new GediFormatException(file, "no such file");
    }
    try {
      return new GediL2aReader(file, new HdfFile(file));
    } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new GediFormatException(file, "not a readable HDF5 file (truncated or corrupt?): " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** The beam groups present, in beam order. */
  public List<GediBeam> beams() throws GediFormatException {
    List<GediBeam> beams = new ArrayList<>();
    try {
      for (String name : hdf.getChildren().keySet()) {
        GediBeam.fromGroupName(name).ifPresent(beams::add);
      }
    } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw corrupt(e);
    }
    beams.sort(null);
    return beams;
  }

  /** Number of shots of a beam (length of its {@code shot_number}). */
  public int shotCount(GediBeam beam) throws GediFormatException {
    return length(dataset(group(beam), beam, "shot_number"), beam, "shot_number");
  }

  /** Reads all shots of a beam. */
  public GediShotBatch readBeam(GediBeam beam) throws GediFormatException {
    Group group = group(beam);
    Dataset[] datasets = new Dataset[REQUIRED.length];
    for (int i = 0; i < REQUIRED.length; i++) {
      datasets[i] = dataset(group, beam, REQUIRED[i]);
    }
    Dataset elevation = optionalDataset(group, "elev_lowestmode");
    Dataset beamNumbers = optionalDataset(group, "beam");
    int shots = length(datasets[0], beam, REQUIRED[0]);
    for (int i = 1; i < datasets.length; i++) {
      if (length(datasets[i], beam, REQUIRED[i]) != shots) {
        throw new GediFormatException(file, beam + "/" + REQUIRED[i] + " has " + datasets[i].getDimensions()[0]
            + " rows but shot_number has " + shots);
      }
    }
    int[] rhDims = datasets[4].getDimensions();
    if (rhDims.length != 2 || rhDims[1] < 101) {
      throw new GediFormatException(file, beam + "/rh has shape " + Arrays.toString(rhDims) + ", expected (N, 101)");
    }
    try {
      double masterEpoch = masterEpoch(group);
      if (beamNumbers != null) {
        checkBeamNumbers(beam, toInt(beamNumbers.getData()));
      }
      double[][] rh = rhColumns(datasets[4], beam, shots);
      return new GediShotBatch(file, beam, masterEpoch,
          toLong(datasets[0].getData()),
          toDouble(datasets[1].getData()),
          toDouble(datasets[2].getData()),
          toDouble(datasets[3].getData()),
          elevation == null ? nanArray(shots) : toDouble(elevation.getData()),
          toInt(datasets[5].getData()),
          toInt(datasets[6].getData()),
          toFloat(datasets[7].getData()),
          toInt(datasets[8].getData()),
          rh[0], rh[1], rh[2]);
    } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException | UnsupportedOperationException
        | ClassCastException | java.nio.BufferUnderflowException e) {
      throw corrupt(e);
    }
  }

  /** RH95, RH98, RH100 of every shot, as float64 whatever the stored float type. */
  private double[][] rhColumns(Dataset rh, GediBeam beam, int shots) throws GediFormatException {
    if (!(rh.getDataType() instanceof FloatingPoint type) || (type.getSize() != 4 && type.getSize() != 8)) {
      throw new GediFormatException(file, beam + "/rh is not float32 or float64");
    }
    double[][] columns = new double[RH_COLUMNS.length][shots];
    if (!(rh instanceof ChunkedDataset chunked)) {
      Object slice = rh.getData(new long[] {0, RH_COLUMNS[0]}, new int[] {shots, 101 - RH_COLUMNS[0]});
      for (int i = 0; i < shots; i++) {
        Object row = Array.get(slice, i);
        for (int k = 0; k < RH_COLUMNS.length; k++) {
          columns[k][i] = ((Number) Array.get(row, RH_COLUMNS[k] - RH_COLUMNS[0])).doubleValue();
        }
      }
      return columns;
    }
    int[] chunk = chunked.getChunkDimensions();
    RhChunkDecoder decoder = new RhChunkDecoder(chunked, type.getSize(), type.getByteOrder());
    try {
      for (int rowStart = 0; rowStart < shots; rowStart += chunk[0]) {
        int rows = Math.min(chunk[0], shots - rowStart);
        for (int k = 0; k < RH_COLUMNS.length; k++) {
          int colStart = RH_COLUMNS[k] / chunk[1] * chunk[1];
          if (k > 0 && colStart == RH_COLUMNS[k - 1] / chunk[1] * chunk[1]) {
            continue; // same chunk as the previous column: decoded below together
          }
          decoder.load(new int[] {rowStart, colStart});
          for (int j = k; j < RH_COLUMNS.length && RH_COLUMNS[j] / chunk[1] * chunk[1] == colStart; j++) {
            int col = RH_COLUMNS[j] - colStart;
            for (int r = 0; r < rows; r++) {
              columns[j][rowStart + r] = decoder.value(r * chunk[1] + col);
            }
          }
        }
      }
    } catch (java.util.zip.DataFormatException e) {
      throw new GediFormatException(file, beam + "/rh: corrupt deflate data (truncated or damaged file?): " + e.getMessage(), e);
    } finally {
      decoder.close();
    }
    return columns;
  }

  @Override
  public void close() {
    hdf.close();
  }

  private Group group(GediBeam beam) throws GediFormatException {
    Node node;
    try {
      node = hdf.getChild(beam.name());
    } catch (HdfException e) {
      throw corrupt(e);
    }
    if (!(node instanceof Group g)) {
      throw new GediFormatException(file, "has no group " + beam);
    }
    return g;
  }

  private Dataset dataset(Group group, GediBeam beam, String path) throws GediFormatException {
    Dataset dataset = optionalDataset(group, path);
    if (dataset == null) {
      throw new GediFormatException(file, beam + " has no dataset '" + path + "'");
    }
    return dataset;
  }

  private Dataset optionalDataset(Group group, String path) throws GediFormatException {
    try {
      Node node = group.getByPath(path);
      return node instanceof Dataset d ? d : null;
    } catch (HdfInvalidPathException e) {
      return null;
    } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw corrupt(e);
    }
  }

  private double masterEpoch(Group group) throws GediFormatException {
    Dataset epoch = optionalDataset(group, "ancillary/master_time_epoch");
    if (epoch == null) {
      return GediTime.DEFAULT_MASTER_EPOCH_GPS_SECONDS;
    }
    Object data = epoch.getData();
    return data.getClass().isArray() ? ((Number) Array.get(data, 0)).doubleValue() : ((Number) data).doubleValue();
  }

  private int length(Dataset dataset, GediBeam beam, String path) throws GediFormatException {
    int[] dims = dataset.getDimensions();
    if (dims.length == 0) {
      throw new GediFormatException(file, beam + "/" + path + " is a scalar, expected one value per shot");
    }
    return dims[0];
  }

  private void checkBeamNumbers(GediBeam beam, int[] numbers) throws GediFormatException {
    for (int number : numbers) {
      if (number != beam.number()) {
        throw new GediFormatException(file, beam + "/beam holds " + number + ", expected " + beam.number());
      }
    }
  }

  private GediFormatException corrupt(RuntimeException e) {
    return new GediFormatException(file, "cannot read HDF5 content (truncated or corrupt?): " + e.getMessage(), e);
  }

  private static double[] nanArray(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** Numeric arrays of any stored type, widened; BigInteger (uint64) keeps its low 64 bits. */
  static double[] toDouble(Object array) {
    if (array instanceof double[] d) {
      return d;
    }
    int n = Array.getLength(array);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((Number) Array.get(array, i)).doubleValue();
    }
    return out;
  }

  static float[] toFloat(Object array) {
    if (array instanceof float[] f) {
      return f;
    }
    int n = Array.getLength(array);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((Number) Array.get(array, i)).floatValue();
    }
    return out;
  }

  static int[] toInt(Object array) {
    if (array instanceof int[] i) {
      return i;
    }
    int n = Array.getLength(array);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      Object v = Array.get(array, i);
      // int8 written for a uint8 flag: read the byte as unsigned, as the flag was meant.
      out[i] = v instanceof Byte b ? Byte.toUnsignedInt(b) : ((Number) v).intValue();
    }
    return out;
  }

  static long[] toLong(Object array) {
    if (array instanceof long[] l) {
      return l;
    }
    int n = Array.getLength(array);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      Object v = Array.get(array, i);
      out[i] = v instanceof BigInteger big ? big.longValue() : ((Number) v).longValue();
    }
    return out;
  }

  /** Splits an (n, 6) slice of rh, stored as float64 or float32, into 6 columns. */
  private static double[][] toDouble2d(Object slice, int n) {
    double[][] columns = new double[6][n];
    for (int i = 0; i < n; i++) {
      Object row = Array.get(slice, i);
      for (int c = 0; c < 6; c++) {
        columns[c][i] = row instanceof double[] d ? d[c] : ((float[]) row)[c];
      }
    }
    return columns;
  }
}

package org.sylva.models.tsc.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.models.io.AtomicFiles;

/**
 * The binary file of a {@link TrainingCheckpoint}: a header with a format version, the sections in a fixed
 * order (big-endian, floats bit-exact) and an end marker, so a truncated or foreign file is recognised and
 * named instead of resuming from garbage. Written atomically: a reader sees the previous checkpoint or the
 * complete new one, also when the process is killed while writing.
 */
public final class TrainingCheckpointFile {

  private static final byte[] MAGIC = "SYLVA-TSC-CHECKPOINT".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int END = 0x454E4421; // "END!"

  private TrainingCheckpointFile() {}

  public static void write(Path file, TrainingCheckpoint c) throws IOException {
    AtomicFiles.writeStream(file, stream -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(c.fingerprint());
      out.writeInt(c.epochsDone());
      out.writeInt(c.parameters().size());
      for (float[] p : c.parameters()) {
        writeFloats(out, p);
      }
      for (Map<String, float[]> slots : c.optimizerSlots()) {
        out.writeInt(slots.size());
        for (Map.Entry<String, float[]> slot : slots.entrySet()) {
          out.writeUTF(slot.getKey());
          writeFloats(out, slot.getValue());
        }
      }
      out.writeFloat(c.learningRate().learningRate());
      out.writeDouble(c.learningRate().best());
      out.writeInt(c.learningRate().epochsWaited());
      out.writeDouble(c.best().bestLoss());
      out.writeInt(c.best().bestEpoch());
      out.writeInt(c.best().parameters().size());
      for (float[] p : c.best().parameters()) {
        writeFloats(out, p);
      }
      writeBytes(out, c.batchesRandom());
      out.writeInt(c.dropoutRandoms().size());
      for (byte[] r : c.dropoutRandoms()) {
        writeBytes(out, r);
      }
      out.writeInt(c.epochs().size());
      for (EpochSummary e : c.epochs()) {
        out.writeInt(e.epoch());
        out.writeInt(e.epochs());
        out.writeDouble(e.loss());
        out.writeDouble(e.accuracy());
        out.writeDouble(e.learningRate());
        out.writeBoolean(e.best());
      }
      out.writeDouble(c.trainingSeconds());
      out.writeInt(END);
      out.flush();
    });
  }

  /** Reads a checkpoint; a file that is not one, or not whole, fails with its path and the problem. */
  public static TrainingCheckpoint read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + ": not a Sylva training checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": training checkpoint format " + version + ", this Sylva reads " + VERSION);
      }
      String fingerprint = in.readUTF();
      int epochsDone = in.readInt();
      int count = count(in, file);
      List<float[]> parameters = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        parameters.add(readFloats(in, file));
      }
      List<Map<String, float[]>> slots = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = count(in, file);
        Map<String, float[]> s = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
          s.put(in.readUTF(), readFloats(in, file));
        }
        slots.add(s);
      }
      PlateauLearningRate.State rate = new PlateauLearningRate.State(in.readFloat(), in.readDouble(), in.readInt());
      double bestLoss = in.readDouble();
      int bestEpoch = in.readInt();
      int bestCount = count(in, file);
      List<float[]> bestParameters = new ArrayList<>();
      for (int i = 0; i < bestCount; i++) {
        bestParameters.add(readFloats(in, file));
      }
      byte[] batches = readBytes(in, file);
      int dropoutCount = count(in, file);
      List<byte[]> dropouts = new ArrayList<>();
      for (int i = 0; i < dropoutCount; i++) {
        dropouts.add(readBytes(in, file));
      }
      int epochCount = count(in, file);
      List<EpochSummary> epochs = new ArrayList<>();
      for (int i = 0; i < epochCount; i++) {
        epochs.add(new EpochSummary(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
            in.readBoolean()));
      }
      double seconds = in.readDouble();
      if (in.readInt() != END || in.read() != -1) {
        throw new IOException(file + ": training checkpoint has no proper end (damaged)");
      }
      return new TrainingCheckpoint(fingerprint, epochsDone, parameters, slots, rate,
          new BestWeights.State(bestLoss, bestEpoch, bestParameters), batches, dropouts, epochs, seconds);
    } catch (EOFException e) {
      throw new IOException(file + ": training checkpoint is truncated", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": inconsistent training checkpoint: " + e.getMessage(), e);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in, Path file) throws IOException {
    float[] values = new float[count(in, file)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in, Path file) throws IOException {
    int n = count(in, file);
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new EOFException();
    }
    return bytes;
  }

  /** A length field; a negative or absurd one means the file is damaged, not that memory should be allocated. */
  private static int count(DataInputStream in, Path file) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 28)) {
      throw new IOException(file + ": training checkpoint is damaged (length field " + n + ")");
    }
    return n;
  }
}

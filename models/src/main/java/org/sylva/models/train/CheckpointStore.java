package org.sylva.models.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sylva.models.io.AtomicFiles;
import org.sylva.models.io.Json;

/**
 * Per-epoch training checkpoints in one directory:
 *
 * <pre>
 * state.json               last completed epoch, options, early-stopping state, history, file names
 * epoch-0007.params        block weights after that epoch (DJL parameter format)
 * epoch-0007.adamw         optimizer state after that epoch ({@link CheckpointableAdamW#save})
 * best-epoch-0005.params   weights of the best epoch so far
 * </pre>
 *
 * Every file is written atomically and {@code state.json} last, and files of older epochs are deleted only
 * after it; so an interruption at any moment leaves a consistent checkpoint (the previous one at worst).
 */
public final class CheckpointStore {

  static final String STATE = "state.json";

  private final Path dir;

  public CheckpointStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * What {@code state.json} records.
   *
   * @param epoch last completed epoch
   * @param options options of the run (a resume must use the same)
   * @param earlyStopping early-stopping state after {@code epoch}
   * @param history records of epochs 0..{@code epoch}
   * @param weights file of the weights after {@code epoch}
   * @param optimizer file of the optimizer state after {@code epoch}
   * @param bestWeights file of the best epoch's weights (null until an epoch scored)
   */
  public record State(int epoch, TrainingOptions options, EarlyStopping earlyStopping, List<EpochRecord> history,
      String weights, String optimizer, String bestWeights) {}

  /** The latest checkpoint, if the directory holds one. */
  public Optional<State> latest() throws IOException {
    Path state = dir.resolve(STATE);
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(state, State.class));
    } catch (IOException e) {
      throw new IOException(state + ": unreadable checkpoint state: " + e.getMessage(), e);
    }
  }

  /** Saves the checkpoint of {@code epoch}; {@code bestWeights} are written when the epoch is the new best. */
  public State save(int epoch, Block block, CheckpointableAdamW optimizer, TrainingOptions options,
      EarlyStopping earlyStopping, List<EpochRecord> history, byte[] newBestWeights, String previousBest) throws IOException {
    String weights = String.format(Locale.ROOT, "epoch-%04d.params", epoch);
    String optimizerFile = String.format(Locale.ROOT, "epoch-%04d.adamw", epoch);
    AtomicFiles.writeStream(dir.resolve(weights), out -> block.saveParameters(new DataOutputStream(out)));
    AtomicFiles.writeStream(dir.resolve(optimizerFile), out -> optimizer.save(out, block.getParameters()));
    String best = previousBest;
    if (newBestWeights != null) {
      best = String.format(Locale.ROOT, "best-epoch-%04d.params", earlyStopping.bestEpoch());
      AtomicFiles.writeStream(dir.resolve(best), out -> out.write(newBestWeights));
    }
    State state = new State(epoch, options, earlyStopping, history, weights, optimizerFile, best);
    Json.write(dir.resolve(STATE), state);
    deleteAllBut(Set.of(STATE, weights, optimizerFile, best == null ? STATE : best));
    return state;
  }

  public void loadWeights(Block block, NDManager manager, String file) throws IOException {
    load(block, manager, Files.readAllBytes(dir.resolve(file)), dir.resolve(file).toString());
  }

  public byte[] read(String file) throws IOException {
    return file == null ? null : Files.readAllBytes(dir.resolve(file));
  }

  public CheckpointableAdamW loadOptimizer(CheckpointableAdamW.Builder builder, String file, Block block,
      NDManager manager) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return CheckpointableAdamW.restore(builder, in, block.getParameters(), manager);
    } catch (IOException e) {
      throw new IOException(dir.resolve(file) + ": " + e.getMessage(), e);
    }
  }

  /** Weights of {@code block} in DJL's parameter format, in memory. */
  public static byte[] serialise(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    block.saveParameters(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** Loads weights written by {@link #serialise} or {@code Block.saveParameters}; {@code source} names them in errors. */
  public static void load(Block block, NDManager manager, byte[] weights, String source) throws IOException {
    try {
      block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(weights)));
    } catch (MalformedModelException | RuntimeException e) {
      throw new IOException(source + ": weights do not fit this network: " + e.getMessage(), e);
    }
  }

  private void deleteAllBut(Set<String> keep) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        boolean ours = name.startsWith("epoch-") || name.startsWith("best-epoch-");
        if (ours && !keep.contains(name)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}

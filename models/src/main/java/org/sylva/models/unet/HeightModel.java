package org.sylva.models.unet;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sylva.models.infer.TileModel;
import org.sylva.models.infer.TileSink;
import org.sylva.models.infer.TileSource;
import org.sylva.models.infer.TiledPredictor;
import org.sylva.models.io.Json;
import org.sylva.models.io.Sha256;
import org.sylva.models.io.SoftwareVersions;
import org.sylva.models.metrics.HeightEvaluation;
import org.sylva.models.nn.MonteCarloDropout;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.patch.Patch;
import org.sylva.models.train.CheckpointStore;
import org.sylva.models.train.Seeds;

/**
 * A trained canopy-height U-Net with its manifest: the unit that is saved, loaded and applied.
 *
 * <p><b>Directory format.</b> {@code manifest.json} ({@link HeightModelManifest}) and {@code weights.params}
 * (DJL parameter format, SHA-256 in the manifest). Loading rebuilds the network from the manifest's
 * architecture, verifies the weights' hash, and predicts bit-identically to the model that was saved (same
 * machine and thread count). Inputs are raw band values in the manifest's band order; the model applies
 * the stored normalisation, so callers never normalise.
 *
 * <p>Runs on {@link Engine#defaultDevice()}: a GPU when DJL sees one, the CPU otherwise. Not thread-safe.
 */
public final class HeightModel implements AutoCloseable {

  public static final String MANIFEST = "manifest.json";
  public static final String WEIGHTS = "weights.params";

  private final HeightModelManifest manifest;
  private final UNet network;
  private final NDManager manager;
  private final ParameterStore parameters;

  /** Takes ownership of {@code manager}, which holds the network's parameters. */
  HeightModel(HeightModelManifest manifest, UNet network, NDManager manager) {
    this.manifest = manifest;
    this.network = network;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
  }

  /**
   * A model with freshly initialised (He-normal, seeded) weights and no training record: for benchmarks and
   * tests of the inference path, never for real predictions.
   */
  public static HeightModel untrained(List<String> bands, UNetConfig architecture, ChannelStatistics normalisation,
      long seed) {
    if (bands.size() != architecture.inputChannels() || normalisation.channels() != architecture.inputChannels()) {
      throw new IllegalArgumentException(bands.size() + " bands and " + normalisation.channels()
          + " normalisation entries for a network of " + architecture.inputChannels() + " input channels");
    }
    UNet network = UNet.builder().config(architecture).build();
    NDManager manager = Engine.getInstance().newBaseManager();
    int size = architecture.sizeMultiple();
    synchronized (Seeds.ENGINE_GENERATOR) {
      Seeds.seedEngine(seed, Seeds.Purpose.INITIAL_WEIGHTS, 0);
      network.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, architecture.inputChannels(), size, size));
    }
    HeightModelManifest manifest = new HeightModelManifest(HeightModelManifest.FORMAT, HeightModelManifest.TARGET, bands,
        normalisation, null, architecture, null, null, SoftwareVersions.current(), null);
    return new HeightModel(manifest, network, manager);
  }

  /** Loads a model directory written by {@link #save}. */
  public static HeightModel load(Path dir) throws IOException {
    Path manifestFile = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new NoSuchFileException(dir + ": not a Sylva height model (no " + MANIFEST + ")");
    }
    HeightModelManifest manifest;
    try {
      manifest = Json.read(manifestFile, HeightModelManifest.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException(manifestFile + ": unreadable manifest: " + e.getMessage(), e);
    }
    if (!HeightModelManifest.FORMAT.equals(manifest.format())) {
      throw new IOException(manifestFile + ": format " + manifest.format() + " is not " + HeightModelManifest.FORMAT);
    }
    int channels = manifest.architecture().inputChannels();
    if (manifest.bands().size() != channels || manifest.normalisation().channels() != channels) {
      throw new IOException(manifestFile + ": " + manifest.bands().size() + " bands and " + manifest.normalisation().channels()
          + " normalisation entries for a network of " + channels + " input channels");
    }
    Path weightsFile = dir.resolve(manifest.weights().file());
    byte[] weights = Files.readAllBytes(weightsFile);
    String sha = Sha256.hex(weights);
    if (!sha.equals(manifest.weights().sha256())) {
      throw new IOException(weightsFile + ": SHA-256 " + sha + " differs from the manifest's " + manifest.weights().sha256()
          + " (corrupt or replaced weights)");
    }
    UNet network = UNet.builder().config(manifest.architecture()).build();
    NDManager manager = Engine.getInstance().newBaseManager();
    try {
      CheckpointStore.load(network, manager, weights, weightsFile.toString());
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
    return new HeightModel(manifest, network, manager);
  }

  /**
   * Writes {@code manifest.json} and {@code weights.params} into {@code dir}. Files are written to a fresh
   * sibling directory first, which then replaces {@code dir}; a {@code dir} holding anything but a previous
   * model is refused rather than overwritten.
   */
  public void save(Path dir) throws IOException {
    Path target = dir.toAbsolutePath();
    if (Files.exists(target) && !isEmptyOrModel(target)) {
      throw new IOException(target + ": exists and is not a Sylva model directory; refusing to replace it");
    }
    byte[] weights = CheckpointStore.serialise(network);
    HeightModelManifest complete = new HeightModelManifest(manifest.format(), manifest.target(), manifest.bands(),
        manifest.normalisation(), manifest.nodata(), manifest.architecture(), manifest.training(), manifest.validation(),
        manifest.versions(), new HeightModelManifest.Weights(WEIGHTS, Sha256.hex(weights)));
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
    try {
      Files.write(staging.resolve(WEIGHTS), weights);
      Json.write(staging.resolve(MANIFEST), complete);
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
        Files.delete(old);
        Files.move(target, old);
        Files.move(staging, target);
        deleteModelDir(old);
      } else {
        Files.move(staging, target);
      }
    } finally {
      if (Files.exists(staging)) {
        deleteModelDir(staging);
      }
    }
  }

  private static boolean isEmptyOrModel(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.allMatch(f -> Set.of(MANIFEST, WEIGHTS).contains(f.getFileName().toString()));
    }
  }

  private static void deleteModelDir(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  public HeightModelManifest manifest() {
    return manifest;
  }

  public List<String> bands() {
    return manifest.bands();
  }

  /** The device the network runs on. */
  public Device device() {
    return manager.getDevice();
  }

  /**
   * Predicts a whole image in one pass: {@code input} holds the bands {@code bands} (which must match the
   * manifest), band-sequential, row-major {@code width × height}; returns heights in metres, NaN where any
   * input band is missing.
   */
  public float[] predict(List<String> bands, float[] input, int height, int width) {
    manifest.requireBands(bands);
    float[] heights = forward(input, 1, height, width, false);
    maskMissing(input, heights, bands.size(), height * width);
    return heights;
  }

  /**
   * Tiled prediction of a raster of any size (see {@link TiledPredictor}). With {@code mcPasses > 0} a
   * second output band holds the Monte-Carlo-dropout standard deviation (see {@link #tileModel(List, int, long)}).
   */
  public void predictTiled(TileSource source, TiledPredictor predictor, TileSink sink, int mcPasses, long seed) {
    predictor.predict(tileModel(source.bandNames(), mcPasses, seed), source, sink);
  }

  /** The network as a one-band {@link TileModel} for inputs with bands {@code bands}. */
  public TileModel tileModel(List<String> bands) {
    return tileModel(bands, 0, 0);
  }

  /**
   * The network as a {@link TileModel}. Band 0 is the deterministic prediction (dropout off). With
   * {@code mcPasses > 0}, band 1 is the standard deviation (population, ddof 0) of {@code mcPasses} predictions
   * with dropout on (MC dropout; batch norm stays in inference mode): an estimate of the model's
   * uncertainty in metres. The dropout masks are drawn from the engine generator, seeded here from
   * {@code seed}: the same raster, tiling and seed give the same band.
   *
   * @throws IllegalArgumentException if the bands do not match, or MC passes are asked of a model without dropout
   */
  public TileModel tileModel(List<String> bands, int mcPasses, long seed) {
    manifest.requireBands(bands);
    if (mcPasses < 0) {
      throw new IllegalArgumentException("MC dropout passes must be >= 0, got " + mcPasses);
    }
    if (mcPasses > 0 && manifest.architecture().dropout() == 0) {
      throw new IllegalArgumentException("MC-dropout uncertainty needs a model trained with dropout > 0; this one has none");
    }
    if (mcPasses > 0) {
      Seeds.seedEngine(seed, Seeds.Purpose.INFERENCE, 0);
    }
    return new NetworkTiles(mcPasses);
  }

  /** The network as a {@link TileModel}, optionally with the MC-dropout spread as a second band. */
  private final class NetworkTiles implements TileModel {
    private final int mcPasses;

    NetworkTiles(int mcPasses) {
      this.mcPasses = mcPasses;
    }

    @Override
    public int inputChannels() {
      return manifest.architecture().inputChannels();
    }

    @Override
    public int outputChannels() {
      return mcPasses > 0 ? 2 : 1;
    }

    @Override
    public int sizeMultiple() {
      return manifest.architecture().sizeMultiple();
    }

    @Override
    public float[] predict(float[] input, int n, int height, int width) {
      float[] deterministic = forward(input, n, height, width, false);
      if (mcPasses == 0) {
        return deterministic;
      }
      int pixels = height * width;
      double[] sum = new double[deterministic.length];
      double[] sumSq = new double[deterministic.length];
      for (int pass = 0; pass < mcPasses; pass++) {
        float[] sample = forward(input, n, height, width, true);
        for (int i = 0; i < sample.length; i++) {
          sum[i] += sample[i];
          sumSq[i] += (double) sample[i] * sample[i];
        }
      }
      float[] out = new float[2 * deterministic.length];
      for (int t = 0; t < n; t++) {
        System.arraycopy(deterministic, t * pixels, out, 2 * t * pixels, pixels);
        for (int j = 0; j < pixels; j++) {
          int i = t * pixels + j;
          double mean = sum[i] / mcPasses;
          out[(2 * t + 1) * pixels + j] = (float) Math.sqrt(Math.max(0, sumSq[i] / mcPasses - mean * mean));
        }
      }
      return out;
    }
  }

  /** Predicts {@code patches} (raw inputs) and pairs every valid target pixel with its prediction. */
  public HeightEvaluation evaluate(List<Patch> patches, int batchSize) {
    for (Patch p : patches) {
      if (p.channels() != manifest.bands().size()) {
        throw new IllegalArgumentException("patch has " + p.channels() + " bands, model expects " + manifest.bands());
      }
    }
    try (NDManager scratch = manager.newSubManager()) {
      return HeightRegressionTask.evaluate(network, parameters, scratch, patches, normaliser(), batchSize);
    }
  }

  /** Raw band-sequential samples → normalised → network → heights {@code n × height × width}. */
  private float[] forward(float[] input, int n, int height, int width, boolean sampleDropout) {
    int channels = manifest.architecture().inputChannels();
    if (input.length != (long) n * channels * height * width) {
      throw new IllegalArgumentException(input.length + " input values for " + n + " samples of " + channels + "x"
          + height + "x" + width);
    }
    float[] x = input.clone();
    normaliser().apply(x, height * width);
    try (NDManager scratch = manager.newSubManager()) {
      NDArray array = scratch.create(x, new Shape(n, channels, height, width));
      NDList out = network.forward(parameters, new NDList(array), false, sampleDropout ? MonteCarloDropout.sampling() : null);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  private HeightRegressionTask.Normaliser normaliser() {
    return new HeightRegressionTask.Normaliser(manifest.normalisation(), manifest.nodata());
  }

  private void maskMissing(float[] input, float[] output, int channels, int pixels) {
    Float nodata = manifest.nodata();
    for (int b = 0; b < channels; b++) {
      for (int i = 0; i < pixels; i++) {
        float v = input[b * pixels + i];
        if (Float.isNaN(v) || (nodata != null && v == nodata)) {
          output[i] = Float.NaN;
        }
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}

package org.sylva.pipelines.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.sylva.models.infer.ArrayTileSource;
import org.sylva.models.infer.TiledPredictor;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.train.CheckpointableAdamW;
import org.sylva.models.train.SupervisedTask;
import org.sylva.models.train.TrainingLoop;
import org.sylva.models.unet.HeightModel;
import org.sylva.models.unet.UNet;
import org.sylva.models.unet.UNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench unet}: CPU throughput of the canopy-height U-Net in Sylva (DJL, PyTorch 2.7 engine)
 * beside the same architecture in Debian's python3-torch, same machine, same run, same thread count:
 * tiled inference over a large multi-band raster (megapixels/s, the whole path: tile reads, normalisation,
 * network, blending) and training steps (patches/s: forward, masked loss, backward, AdamW). Runs alternate
 * Sylva and PyTorch and the best of each is reported, which damps the noise of a shared machine.
 */
@Command(
    name = "unet",
    mixinStandardHelpOptions = true,
    description = {
      "U-Net inference and training throughput, Sylva (DJL) beside PyTorch (python3-torch) with the same threads.",
      "Writes <out>/unet.json and <out>/unet.md."
    })
public final class UnetBench implements Callable<Integer> {

  static final String INFERENCE = "tiled inference";
  static final String TRAINING = "training step";
  private static final String PEER = "unet_peer.py";

  @Option(names = "--size", defaultValue = "2048", description = "Raster width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--bands", defaultValue = "14", description = "Input bands (default: ${DEFAULT-VALUE}).")
  int bands;

  @Option(names = "--depth", defaultValue = "4", description = "U-Net depth (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--base-width", defaultValue = "32", description = "Channels of the first U-Net level (default: ${DEFAULT-VALUE}).")
  int baseWidth;

  @Option(names = "--tile", defaultValue = "256", description = "Inference tile size in pixels (default: ${DEFAULT-VALUE}).")
  int tile;

  @Option(names = "--overlap", defaultValue = "32", description = "Tile overlap in pixels (default: ${DEFAULT-VALUE}).")
  int overlap;

  @Option(names = "--margin", defaultValue = "8", description = "Zero-weight margin at shared tile edges (default: ${DEFAULT-VALUE}).")
  int margin;

  @Option(names = "--batch", defaultValue = "4", description = "Tiles per inference call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--patch", defaultValue = "128", description = "Training patch size in pixels (default: ${DEFAULT-VALUE}).")
  int patch;

  @Option(names = "--train-batch", defaultValue = "16", description = "Patches per training step (default: ${DEFAULT-VALUE}).")
  int trainBatch;

  @Option(names = "--steps", defaultValue = "3", description = "Timed training steps per run (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "1", description = "Untimed training steps before them (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--repeats", defaultValue = "2", description = "Alternating runs per side; the best is reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--threads", description = "Threads for both sides: PyTorch intra- and inter-op (default: available processors).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-peer", description = "Measure Sylva only.")
  boolean noPeer;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    requirePositive("--size", size, "--bands", bands, "--batch", batch, "--patch", patch, "--train-batch", trainBatch,
        "--steps", steps, "--repeats", repeats);
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    configureThreads(threadCount);
    UNetConfig config = UNet.builder().inputChannels(bands).depth(depth).baseWidth(baseWidth).toConfig();
    boolean peer = !noPeer && PythonPeer.available("torch", "numpy");
    String load = loadAverage();

    List<Double> sylvaInference = new ArrayList<>();
    List<Double> peerInference = new ArrayList<>();
    List<Double> sylvaTraining = new ArrayList<>();
    List<Double> peerTraining = new ArrayList<>();
    long sylvaParameters = 0;
    long peerParameters = -1;
    String torch = "(not run)";
    float[][] raster = smoothRaster(bands, size, seed);
    for (int r = 0; r < repeats; r++) {
      sylvaInference.add(sylvaInference(config, raster));
      if (peer) {
        JsonNode result = PythonPeer.run(PEER, peerArgs("infer", threadCount), 3600);
        peerInference.add(result.get("megapixels_per_second").asDouble());
        peerParameters = result.get("parameters").asLong();
        torch = result.get("torch").asText();
      }
      System.out.printf(Locale.ROOT, "inference run %d: sylva %.4f Mpx/s%s%n", r + 1, last(sylvaInference),
          peer ? String.format(Locale.ROOT, ", pytorch %.4f Mpx/s", last(peerInference)) : "");
    }
    for (int r = 0; r < repeats; r++) {
      double[] measured = sylvaTraining(config);
      sylvaTraining.add(measured[0]);
      sylvaParameters = (long) measured[1];
      if (peer) {
        JsonNode result = PythonPeer.run(PEER, peerArgs("train", threadCount), 3600);
        peerTraining.add(result.get("patches_per_second").asDouble());
      }
      System.out.printf(Locale.ROOT, "training run %d: sylva %.3f patches/s%s%n", r + 1, last(sylvaTraining),
          peer ? String.format(Locale.ROOT, ", pytorch %.3f patches/s", last(peerTraining)) : "");
    }
    if (peer && peerParameters != sylvaParameters) {
      throw new IllegalStateException("peer network has " + peerParameters + " trainable parameters, Sylva's "
          + sylvaParameters + ": the architectures differ");
    }

    String peerName = "PyTorch " + torch + " (python3-torch)";
    String inferenceName = String.format(Locale.ROOT, "%s %dx%dx%d", INFERENCE, size, size, bands);
    String trainingName = String.format(Locale.ROOT, "%s %dx%d batch %d", TRAINING, patch, patch, trainBatch);
    BenchReport report = new BenchReport("unet", String.format(Locale.ROOT,
        "U-Net (depth %d, base width %d, %d bands, batch norm, bilinear up-sampling, %,d parameters) on CPU with %d threads: "
            + "tiled inference (%d px tiles, %d px overlap, %d per call) and training steps (masked L1, AdamW). "
            + "Best of %d alternating runs per side.",
        depth, baseWidth, bands, sylvaParameters, threadCount, tile, overlap, batch, repeats));
    report.measure(new BenchReport.Measurement(inferenceName, "Mpx/s", best(sylvaInference),
        peer ? best(peerInference) : null, peerName, true));
    report.measure(new BenchReport.Measurement(trainingName, "patches/s", best(sylvaTraining),
        peer ? best(peerTraining) : null, peerName, true));
    report.target(inferenceName, 1.0);
    report.detail("threads", threadCount + " (Sylva: PyTorch intra-op " + JniUtils.getNumThreads() + ", inter-op "
        + JniUtils.getNumInteropThreads() + "; peer: torch.set_num_threads/set_num_interop_threads)");
    report.detail("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion() + " via DJL "
        + Engine.getDjlVersion());
    report.detail("trainable parameters", sylvaParameters + " (Sylva), " + (peer ? peerParameters : "n/a") + " (peer)");
    report.detail("inference runs Mpx/s", Map.of("sylva", sylvaInference, "peer", peerInference));
    report.detail("training runs patches/s", Map.of("sylva", sylvaTraining, "peer", peerTraining));
    report.detail("load average before / after", load + " / " + loadAverage());
    report.detail("note", "machine shared with other jobs while measuring: see the load average; ratios are indicative");
    Path json = report.write(out);
    System.out.println(report.toMarkdown());
    System.out.println("wrote " + json);
    return 0;
  }

  private static void requirePositive(Object... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if ((Integer) namesAndValues[i + 1] < 1) {
        throw new IllegalArgumentException(namesAndValues[i] + " must be >= 1, got " + namesAndValues[i + 1]);
      }
    }
  }

  private static void configureThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    TorchThreads.set(threads);
  }

  /** Megapixels of raster per second through {@link TiledPredictor} with an untrained default U-Net. */
  private double sylvaInference(UNetConfig config, float[][] raster) {
    List<String> names = IntStream.range(0, bands).mapToObj(b -> "band" + b).toList();
    try (HeightModel model = HeightModel.untrained(names, config, statistics(raster), seed)) {
      TiledPredictor predictor = TiledPredictor.builder().tileSize(tile).overlap(overlap).margin(margin).batchSize(batch)
          .progressLabel("sylva inference").build();
      float[][] warm = new float[bands][];
      for (int b = 0; b < bands; b++) {
        warm[b] = java.util.Arrays.copyOf(raster[b], tile * tile);
      }
      predictor.predict(model.tileModel(names), new ArrayTileSource(tile, tile, names, warm), (x, y, w, h, v) -> {});
      long[] finite = {0};
      long start = System.nanoTime();
      predictor.predict(model.tileModel(names), new ArrayTileSource(size, size, names, raster), (x, y, w, h, values) -> {
        for (float v : values[0]) {
          finite[0] += Float.isFinite(v) ? 1 : 0;
        }
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      if (finite[0] != (long) size * size) {
        throw new IllegalStateException("inference produced " + ((long) size * size - finite[0]) + " non-finite pixels");
      }
      return (double) size * size / 1e6 / seconds;
    }
  }

  /** Patches per second of {@link TrainingLoop#step}, and the number of trainable parameters. */
  private double[] sylvaTraining(UNetConfig config) {
    UNet network = UNet.builder().config(config).build();
    Random rng = new Random(seed);
    int pixels = patch * patch;
    float[] inputs = new float[trainBatch * bands * pixels];
    float[] targets = new float[trainBatch * pixels];
    float[] masks = new float[trainBatch * pixels];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = 30 * rng.nextFloat();
      masks[i] = rng.nextFloat() < 0.3f ? 1 : 0;
    }
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed((int) seed);
      network.initialize(manager, DataType.FLOAT32, new Shape(trainBatch, bands, patch, patch));
      TrainingLoop.attachGradients(network);
      ParameterStore parameters = new ParameterStore(manager, false);
      CheckpointableAdamW optimizer = CheckpointableAdamW.builder().learningRate(Tracker.fixed(1e-3f))
          .optWeightDecays(1e-4f).build();
      MaskedLoss loss = MaskedLoss.l1();
      Shape labelShape = new Shape(trainBatch, 1, patch, patch);
      double seconds = 0;
      for (int s = 0; s < warmup + steps; s++) {
        long start = System.nanoTime();
        try (NDManager scratch = manager.newSubManager()) {
          SupervisedTask.Batch batchArrays = new SupervisedTask.Batch(
              new NDList(scratch.create(inputs, new Shape(trainBatch, bands, patch, patch))),
              new NDList(scratch.create(targets, labelShape), scratch.create(masks, labelShape)));
          TrainingLoop.step(network, parameters, loss, batchArrays, optimizer);
        }
        if (s >= warmup) {
          seconds += (System.nanoTime() - start) / 1e9;
        }
      }
      long count = 0;
      for (Pair<String, Parameter> p : network.getParameters()) {
        if (p.getValue().requiresGradient()) {
          count += p.getValue().getArray().size();
        }
      }
      return new double[] {steps * trainBatch / seconds, count};
    }
  }

  private List<String> peerArgs(String mode, int threadCount) {
    return List.of(mode, "--threads", Integer.toString(threadCount), "--bands", Integer.toString(bands), "--depth",
        Integer.toString(depth), "--base-width", Integer.toString(baseWidth), "--size", Integer.toString(size), "--tile",
        Integer.toString(tile), "--overlap", Integer.toString(overlap), "--margin", Integer.toString(margin), "--batch",
        Integer.toString(batch), "--patch", Integer.toString(patch), "--train-batch", Integer.toString(trainBatch),
        "--steps", Integer.toString(steps), "--warmup", Integer.toString(warmup), "--seed", Long.toString(seed));
  }

  /**
   * Reflectance-like smooth bands, {@code 1000 + 500·sin(fx·x + φ)·cos(fy·y) + N(0, 50²)}, as the peer
   * generates them (same distribution, not the same values: throughput does not depend on them).
   */
  static float[][] smoothRaster(int bands, int size, long seed) {
    Random rng = new Random(seed);
    float[][] data = new float[bands][size * size];
    for (int b = 0; b < bands; b++) {
      double fx = 0.005 + 0.045 * rng.nextDouble();
      double fy = 0.005 + 0.045 * rng.nextDouble();
      double phase = 6 * rng.nextDouble();
      for (int y = 0; y < size; y++) {
        double cy = Math.cos(fy * y);
        for (int x = 0; x < size; x++) {
          data[b][y * size + x] = (float) (1000 + 500 * Math.sin(fx * x + phase) * cy + 50 * rng.nextGaussian());
        }
      }
    }
    return data;
  }

  private static ChannelStatistics statistics(float[][] raster) {
    double[] mean = new double[raster.length];
    double[] std = new double[raster.length];
    for (int b = 0; b < raster.length; b++) {
      double sum = 0;
      double sumSq = 0;
      for (float v : raster[b]) {
        sum += v;
        sumSq += (double) v * v;
      }
      mean[b] = sum / raster[b].length;
      std[b] = Math.sqrt(Math.max(1e-12, sumSq / raster[b].length - mean[b] * mean[b]));
    }
    return new ChannelStatistics(mean, std);
  }

  private static double best(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static double last(List<Double> values) {
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

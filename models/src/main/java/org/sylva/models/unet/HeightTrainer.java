package org.sylva.models.unet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.models.io.SoftwareVersions;
import org.sylva.models.loss.MaskedLoss;
import org.sylva.models.metrics.HeightAccuracy;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.patch.Patch;
import org.sylva.models.patch.PatchHash;
import org.sylva.models.train.TrainingLoop;
import org.sylva.models.train.TrainingOptions;
import org.sylva.models.train.TrainingResult;

/**
 * Trains a canopy-height {@link HeightModel} from patches: normalisation statistics from the training
 * patches, U-Net output scale from the training targets, {@link TrainingLoop} with a masked loss, and a
 * manifest recording bands, normalisation, architecture, data hash, options, history and validation
 * accuracy.
 *
 * <pre>{@code
 * HeightModel model = HeightTrainer.builder()
 *     .bands(List.of("B02", "B03", ...))
 *     .architecture(UNet.builder().depth(4).baseWidth(32).dropout(0.1))
 *     .loss(MaskedLoss.huber(1))
 *     .options(TrainingOptions.builder().epochs(100).patience(15).seed(7).build())
 *     .checkpoints(Path.of("out/checkpoints"))
 *     .build()
 *     .train(trainPatches, validationPatches);
 * model.save(Path.of("out/model"));
 * }</pre>
 */
public final class HeightTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(HeightTrainer.class);

  private final List<String> bands;
  private final UNet.Builder architecture;
  private final MaskedLoss loss;
  private final TrainingOptions options;
  private final Path checkpoints;
  private final Float nodata;
  private final Double outputScale;
  private final String progressLabel;

  private HeightTrainer(Builder b) {
    if (b.bands == null || b.bands.isEmpty()) {
      throw new IllegalArgumentException("the input band names must be given");
    }
    this.bands = List.copyOf(b.bands);
    this.architecture = b.architecture;
    this.loss = b.loss;
    this.options = b.options;
    this.checkpoints = b.checkpoints;
    this.nodata = b.nodata;
    this.outputScale = b.outputScale;
    this.progressLabel = b.progressLabel;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains on {@code train}, selecting the epoch by MAE on {@code validation} (may be empty: then the
   * training loss is monitored). All patches must have the configured bands and one common size.
   */
  public HeightModel train(List<Patch> train, List<Patch> validation) throws IOException {
    requireUniform(train, validation);
    ChannelStatistics statistics = ChannelStatistics.of(train, nodata == null ? Float.NaN : nodata);
    long targets = train.stream().mapToLong(Patch::validTargets).sum();
    float scale = (float) (outputScale != null ? outputScale : rmsTarget(train));
    UNetConfig config = architecture.inputChannels(bands.size()).outputScale(scale).toConfig();
    UNet network = UNet.builder().config(config).build();
    LOG.info("training U-Net {} on {} patches ({} target pixels), validating on {}", config, train.size(), targets,
        validation.size());

    NDManager manager = Engine.getInstance().newBaseManager();
    try {
      HeightRegressionTask task = new HeightRegressionTask(network, loss, train, validation, statistics, nodata);
      TrainingResult result = new TrainingLoop(task, options).checkpoints(checkpoints).progressLabel(progressLabel)
          .run(manager);
      List<Patch> all = new ArrayList<>(train);
      all.addAll(validation);
      HeightModelManifest.Training training = new HeightModelManifest.Training(PatchHash.sha256(all), train.size(),
          validation.size(), targets, train.get(0).height(), train.get(0).width(), loss.spec(), options,
          result.bestEpoch(), result.stoppedEarly(), result.history());
      HeightAccuracy accuracy = validation.isEmpty() ? null : validationAccuracy(network, manager, validation, statistics);
      LOG.info("trained in {} s, best epoch {}{}", String.format(java.util.Locale.ROOT, "%.1f", result.seconds()),
          result.bestEpoch(), accuracy == null ? "" : ", validation MAE " + accuracy.overall().mae() + " m");
      HeightModelManifest manifest = new HeightModelManifest(HeightModelManifest.FORMAT, HeightModelManifest.TARGET, bands,
          statistics, nodata, config, training, accuracy, SoftwareVersions.current(), null);
      return new HeightModel(manifest, network, manager);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private HeightAccuracy validationAccuracy(UNet network, NDManager manager, List<Patch> validation,
      ChannelStatistics statistics) {
    try (NDManager scratch = manager.newSubManager()) {
      return HeightRegressionTask.evaluate(network, new ParameterStore(manager, false), scratch, validation,
          new HeightRegressionTask.Normaliser(statistics, nodata), options.batchSize()).accuracy();
    }
  }

  private void requireUniform(List<Patch> train, List<Patch> validation) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training patches");
    }
    Patch first = train.get(0);
    for (List<Patch> set : List.of(train, validation)) {
      for (Patch p : set) {
        if (p.channels() != bands.size()) {
          throw new IllegalArgumentException("patch has " + p.channels() + " bands but " + bands.size() + " band names were given "
              + bands);
        }
        if (p.height() != first.height() || p.width() != first.width()) {
          throw new IllegalArgumentException("patches must share one size: found " + first.height() + "x" + first.width()
              + " and " + p.height() + "x" + p.width());
        }
      }
    }
  }

  /**
   * Root mean square of the valid training targets: the U-Net's softplus output is multiplied by it, so the
   * network's raw outputs stay of order 1 whatever the height range.
   */
  static double rmsTarget(List<Patch> patches) {
    double sumSq = 0;
    long n = 0;
    for (Patch p : patches) {
      for (int i = 0; i < p.pixels(); i++) {
        float t = p.target()[i];
        if (p.mask()[i] > 0 && Float.isFinite(t)) {
          sumSq += (double) t * t;
          n++;
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("no valid target pixel in the training patches");
    }
    double rms = Math.sqrt(sumSq / n);
    return rms > 0 ? rms : 1;
  }

  /** Builds a {@link HeightTrainer}; defaults: default U-Net, Huber loss with δ = 1 m, default options. */
  public static final class Builder {
    private List<String> bands;
    private UNet.Builder architecture = UNet.builder();
    private MaskedLoss loss = MaskedLoss.huber(1);
    private TrainingOptions options = TrainingOptions.builder().build();
    private Path checkpoints;
    private Float nodata;
    private Double outputScale;
    private String progressLabel = "train U-Net";

    private Builder() {}

    /** Input band names in patch order; stored in the manifest and checked at prediction. */
    public Builder bands(List<String> bands) {
      this.bands = bands;
      return this;
    }

    /** Network shape (input channels and output scale are set by the trainer). */
    public Builder architecture(UNet.Builder architecture) {
      this.architecture = architecture;
      return this;
    }

    public Builder loss(MaskedLoss loss) {
      this.loss = loss;
      return this;
    }

    public Builder options(TrainingOptions options) {
      this.options = options;
      return this;
    }

    /** Checkpoint directory: saved every epoch, resumed from when it holds a checkpoint. */
    public Builder checkpoints(Path dir) {
      this.checkpoints = dir;
      return this;
    }

    /** Input value meaning "missing" besides NaN (e.g. 0 or -9999 in some products). */
    public Builder nodata(float nodata) {
      this.nodata = nodata;
      return this;
    }

    /** Fixed output scale in metres instead of the RMS of the training targets. */
    public Builder outputScale(double metres) {
      this.outputScale = metres;
      return this;
    }

    /** Label of the training progress bar (e.g. the variant's name when several models train at once). */
    public Builder progressLabel(String label) {
      this.progressLabel = label;
      return this;
    }

    public HeightTrainer build() {
      return new HeightTrainer(this);
    }
  }
}

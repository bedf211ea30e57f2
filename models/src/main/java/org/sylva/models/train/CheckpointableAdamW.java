package org.sylva.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW (Loshchilov and Hutter, 2019) whose state can be saved and restored, so an interrupted training run
 * resumes exactly where it stopped. DJL's own {@code AdamW} keeps its moments in private fields and cannot
 * be checkpointed; this class runs the same fused native update (DJL's {@code adamUpdate} with decoupled
 * weight decay: {@code w ← w − lr·wd·w}, then the Adam step with bias-corrected rate
 * {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)}) but owns its first and second moments and the update count.
 *
 * <p>With weight decay 0 the decoupled decay multiplies by exactly 1, so this is plain Adam, bit for bit as DJL's
 * {@code Adam} (tested); the time-series classifiers train with it that way (Keras' Adam has no decay).
 *
 * <p>Saved state is keyed by the parameters' hierarchical names (DJL parameter ids are random per run).
 * Weight decay applies to every trainable parameter, as PyTorch's {@code AdamW} does by default.
 */
public final class CheckpointableAdamW extends Optimizer implements ResumableOptimizer {

  private static final String MEAN = "mean";
  private static final String VARIANCE = "variance";

  private static final int MAGIC = 0x53_41_44_57; // "SADW"

  private final Tracker learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final Map<String, NDArray> means = new ConcurrentHashMap<>();
  private final Map<String, NDArray> variances = new ConcurrentHashMap<>();
  private volatile int lastUpdate;

  private CheckpointableAdamW(Builder builder) {
    super(builder);
    this.learningRate = builder.learningRate;
    this.beta1 = builder.beta1;
    this.beta2 = builder.beta2;
    this.epsilon = builder.epsilon;
    this.lastUpdate = builder.beginUpdate;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of completed updates (optimizer steps) so far, including those before a restore. */
  public int updates() {
    return lastUpdate;
  }

  /** The learning rate of update {@code update} (counted from 1). */
  public float learningRateOf(int update) {
    return learningRate.getNewValue(update);
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = updateCount(parameterId);
    lastUpdate = Math.max(lastUpdate, t);
    float rate = learningRate.getNewValue(t);
    float weightDecay = getWeightDecay();
    if (!Float.isFinite(rate) || !Float.isFinite(weightDecay)) {
      throw new IllegalStateException("learning rate " + rate + " or weight decay " + weightDecay + " is not finite");
    }
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    float correctedRate = (float) (rate * Math.sqrt(biasCorrection2) / biasCorrection1);
    NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
    NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight), rate,
        correctedRate, weightDecay, rescaleGrad, clipGrad, beta1, beta2, epsilon, true, true);
  }

  @Override
  public Map<String, float[]> slots(String parameterId) {
    NDArray mean = means.get(parameterId);
    return mean == null ? Map.of()
        : Map.of(MEAN, mean.toFloatArray(), VARIANCE, variances.get(parameterId).toFloatArray());
  }

  @Override
  public void restoreSlots(String parameterId, NDArray weight, Map<String, float[]> slots) {
    if (slots.isEmpty()) {
      return;
    }
    if (!slots.keySet().equals(Set.of(MEAN, VARIANCE))) {
      throw new IllegalArgumentException("Adam state needs slots " + MEAN + " and " + VARIANCE + ", got " + slots.keySet());
    }
    means.put(parameterId, weight.getManager().create(slots.get(MEAN), weight.getShape()));
    variances.put(parameterId, weight.getManager().create(slots.get(VARIANCE), weight.getShape()));
  }

  /** Writes the update count and the moments of {@code parameters} (name → parameter, e.g. {@code block.getParameters()}). */
  public void save(OutputStream out, PairList<String, Parameter> parameters) throws IOException {
    NDList state = new NDList();
    for (Pair<String, Parameter> p : parameters) {
      NDArray mean = means.get(p.getValue().getId());
      if (mean != null) {
        mean.setName("m:" + p.getKey());
        variances.get(p.getValue().getId()).setName("v:" + p.getKey());
        state.add(mean);
        state.add(variances.get(p.getValue().getId()));
      }
    }
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(lastUpdate);
    data.flush();
    state.encode(out);
    out.flush();
  }

  /**
   * An optimizer configured by {@code builder} that continues the state saved by {@link #save}: the update
   * count (hence the learning-rate schedule) and the moments of the parameters with the same names.
   */
  public static CheckpointableAdamW restore(Builder builder, InputStream in, PairList<String, Parameter> parameters,
      NDManager manager) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC) {
      throw new IOException("not an AdamW state file (bad magic number)");
    }
    int updates = data.readInt();
    NDList state = NDList.decode(manager, data);
    Map<String, String> idByName = new HashMap<>();
    for (Pair<String, Parameter> p : parameters) {
      idByName.put(p.getKey(), p.getValue().getId());
    }
    CheckpointableAdamW optimizer = builder.resumeAfter(updates).build();
    for (NDArray array : state) {
      String name = array.getName();
      String id = idByName.get(name.substring(2));
      if (id == null) {
        throw new IOException("AdamW state has moments for unknown parameter " + name.substring(2));
      }
      (name.startsWith("m:") ? optimizer.means : optimizer.variances).put(id, array);
    }
    return optimizer;
  }

  /** Builds a {@link CheckpointableAdamW}; defaults β₁ 0.9, β₂ 0.999, ε 1e-8, weight decay 0.01, lr 1e-3. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private Tracker learningRate = Tracker.fixed(1e-3f);
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private int beginUpdate;

    private Builder() {
      optWeightDecays(0.01f);
    }

    @Override
    protected Builder self() {
      return this;
    }

    public Builder learningRate(Tracker tracker) {
      this.learningRate = tracker;
      return this;
    }

    public Builder betas(float beta1, float beta2) {
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    public Builder epsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Continues after {@code updates} completed updates (bias correction and learning-rate schedule go on from there). */
    public Builder resumeAfter(int updates) {
      this.beginUpdate = updates;
      return optBeginNumUpdate(updates);
    }

    public CheckpointableAdamW build() {
      return new CheckpointableAdamW(this);
    }
  }
}

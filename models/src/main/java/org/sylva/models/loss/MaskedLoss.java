package org.sylva.models.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Locale;
import org.sylva.models.nn.Scalars;

/**
 * Regression loss over the valid pixels only, for sparse targets such as GEDI footprints rasterised onto a
 * patch. Labels are {@code NDList(target, mask)} with the same shape as the prediction; the mask holds
 * per-pixel weights ≥ 0, 0 meaning "no target here". The loss is the weighted mean of the element loss,
 * {@code Σ mask·ℓ(pred − target) / Σ mask}, over the whole batch, so a patch with few footprints weighs
 * little and a patch with none contributes nothing.
 *
 * <p>Targets under a zero mask may hold anything, NaN included: differences are selected with
 * {@code where(mask > 0, pred − target, 0)} before any arithmetic, so no NaN reaches the loss or its
 * gradient. A batch without any valid pixel gives loss 0 and all-zero gradients (the denominator is then
 * taken as 1 rather than 0).
 */
public final class MaskedLoss extends Loss {

  /** The element loss. */
  public enum Kind {
    /** |d| */
    L1,
    /** d² (no ½ factor: the masked mean squared error) */
    L2,
    /** ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond (PyTorch's {@code HuberLoss} convention) */
    HUBER
  }

  private final Kind kind;
  private final float delta;

  private MaskedLoss(Kind kind, float delta) {
    super(kind == Kind.HUBER ? String.format(Locale.ROOT, "MaskedHuber(%g)", delta) : "Masked" + kind);
    this.kind = kind;
    this.delta = delta;
  }

  public static MaskedLoss l1() {
    return new MaskedLoss(Kind.L1, 0);
  }

  public static MaskedLoss l2() {
    return new MaskedLoss(Kind.L2, 0);
  }

  /** Huber loss with threshold {@code delta} in target units (e.g. metres); quadratic below, linear above. */
  public static MaskedLoss huber(double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("Huber delta must be finite and > 0, got " + delta);
    }
    return new MaskedLoss(Kind.HUBER, (float) delta);
  }

  /** Parses {@code l1}, {@code l2}, {@code huber} or {@code huber:<delta>} (case-insensitive). */
  public static MaskedLoss parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("l1")) {
      return l1();
    }
    if (s.equals("l2")) {
      return l2();
    }
    if (s.equals("huber")) {
      return huber(1);
    }
    if (s.startsWith("huber:")) {
      try {
        return huber(Double.parseDouble(s.substring("huber:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad Huber delta in loss '" + spec + "'", e);
      }
    }
    throw new IllegalArgumentException("unknown loss '" + spec + "': expected l1, l2, huber or huber:<delta>");
  }

  public Kind kind() {
    return kind;
  }

  public float delta() {
    return delta;
  }

  /** The loss spec accepted by {@link #parse}. */
  public String spec() {
    return kind == Kind.HUBER ? "huber:" + delta : kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray prediction = predictions.singletonOrThrow();
    NDArray target = labels.get(0);
    NDArray mask = labels.get(1);
    NDArray valid = mask.gt(0);
    NDArray diff = NDArrays.where(valid, prediction.sub(target), prediction.zerosLike());
    NDArray weights = NDArrays.where(valid, mask, mask.zerosLike());
    NDArray element = elementLoss(diff);
    NDArray total = element.mul(weights).sum();
    NDArray weightSum = weights.sum();
    NDArray denominator = NDArrays.where(weightSum.gt(0), weightSum, weightSum.onesLike());
    return total.div(denominator);
  }

  private NDArray elementLoss(NDArray d) {
    switch (kind) {
      case L1:
        return d.abs();
      case L2:
        return d.square();
      default:
        NDArray a = d.abs();
        NDArray q = Scalars.min(a, delta);
        // q²/2 + δ(|d| − q) is ½d² below δ and δ(|d| − ½δ) above it, with a continuous derivative.
        return Scalars.times(q.square(), 0.5).add(Scalars.times(a.sub(q), delta));
    }
  }
}

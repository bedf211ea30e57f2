package org.sylva.models.train;

import java.util.Locale;

/**
 * The training loss became NaN or infinite. The loop stops at once (the weights are no longer usable); a
 * caller training several models, such as the canopy variants, can report this one and carry on with the rest.
 */
public final class TrainingDivergedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;

  /**
   * @param epoch epoch counted from 1, as the progress bar shows it
   * @param batch batch within the epoch, counted from 1
   */
  public TrainingDivergedException(float loss, int epoch, int batch) {
    super(String.format(Locale.ROOT, "training diverged: loss %s in epoch %d, batch %d (lower the learning rate or check"
        + " the inputs)", loss, epoch, batch));
    this.epoch = epoch;
    this.batch = batch;
  }

  public int epoch() {
    return epoch;
  }

  public int batch() {
    return batch;
  }
}

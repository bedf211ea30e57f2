package org.sylva.pipelines.tsc;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sylva.models.tsc.train.ConfusionMatrix;

/**
 * What one benchmark cell produced. Serializable for Beam.
 *
 * @param task the cell
 * @param accuracy test accuracy (fraction)
 * @param epochs epochs trained per network
 * @param batchSize mini-batch size
 * @param trainSize training cases
 * @param testSize test cases
 * @param length series length after preprocessing
 * @param channels dimensions per case
 * @param classes number of classes
 * @param trainSeconds training time of all networks of the cell
 * @param members per trained network (5 for InceptionTime): its epoch-by-epoch history
 * @param confusion the test cases by true and predicted class
 */
public record TscRunResult(TscTask task, double accuracy, int epochs, int batchSize, int trainSize, int testSize,
    int length, int channels, int classes, double trainSeconds, List<MemberHistory> members,
    ConfusionMatrix confusion) implements Serializable {

  private static final long serialVersionUID = 1L;

  public TscRunResult {
    members = List.copyOf(members);
  }

  /**
   * One network's training: per epoch the training loss, training accuracy and learning rate, and the epoch
   * whose weights were kept (lowest loss).
   */
  public record MemberHistory(int member, double[] loss, double[] accuracy, double[] learningRate, int bestEpoch,
      double bestLoss) implements Serializable {
    private static final long serialVersionUID = 1L;

    // Arrays compare by content, so Beam's coder checks see decoded copies as equal.
    @Override
    public boolean equals(Object o) {
      return o instanceof MemberHistory m && member == m.member && bestEpoch == m.bestEpoch
          && Double.compare(bestLoss, m.bestLoss) == 0 && Arrays.equals(loss, m.loss)
          && Arrays.equals(accuracy, m.accuracy) && Arrays.equals(learningRate, m.learningRate);
    }

    @Override
    public int hashCode() {
      return Objects.hash(member, bestEpoch, bestLoss, Arrays.hashCode(loss), Arrays.hashCode(accuracy),
          Arrays.hashCode(learningRate));
    }

    @Override
    public String toString() {
      return "MemberHistory[member=" + member + ", epochs=" + loss.length + ", bestEpoch=" + bestEpoch
          + ", bestLoss=" + bestLoss + "]";
    }
  }
}

package org.sylva.pipelines.canopy.predict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sylva.pipelines.canopy.train.TrainedVariant;

/**
 * The trained variants in ranking order and the one that maps: lowest validation MAE first; ties (equal to
 * the last bit) go to the variant with fewer bands, then to the name in alphabetical order, so the choice never
 * depends on the order in which a runner delivers the variants. Test metrics play no part in the choice.
 */
public record Selection(List<TrainedVariant> ranked) implements Serializable {

  public static final Comparator<TrainedVariant> RANKING = Comparator
      .comparingDouble((TrainedVariant v) -> Double.isNaN(v.validationMae()) ? Double.POSITIVE_INFINITY : v.validationMae())
      .thenComparingInt(v -> v.bands().size())
      .thenComparing(TrainedVariant::name);

  public Selection {
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("no variant was trained, so there is no model to map with (see the dead letters)");
    }
    List<TrainedVariant> sorted = new ArrayList<>(ranked);
    sorted.sort(RANKING);
    ranked = List.copyOf(sorted);
  }

  public TrainedVariant best() {
    return ranked.get(0);
  }
}

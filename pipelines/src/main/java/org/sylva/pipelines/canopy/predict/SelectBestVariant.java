package org.sylva.pipelines.canopy.predict;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.train.TrainVariants;
import org.sylva.pipelines.canopy.train.TrainedVariant;

/**
 * Stage 4a: gathers the trained variants and ranks them by validation MAE ({@link Selection}). When no variant
 * could be trained the run stops here with one line listing why (the training stage's dead letters).
 */
public final class SelectBestVariant extends PTransform<PCollectionTuple, PCollection<Selection>> {

  @Override
  public PCollection<Selection> expand(PCollectionTuple training) {
    PCollectionView<List<TrainedVariant>> trained = training.get(TrainVariants.TRAINED).apply("AllVariants", View.asList());
    PCollectionView<List<DeadLetter>> failed = training.get(DeadLetter.TAG).apply("AllFailures", View.asList());
    return training.getPipeline()
        .apply("Once", Create.of(0))
        .apply("RankByValidationMae", ParDo.of(new RankFn(trained, failed)).withSideInputs(trained, failed))
        .setCoder(SerializableCoder.of(Selection.class));
  }

  static final class RankFn extends DoFn<Integer, Selection> {
    private final PCollectionView<List<TrainedVariant>> trained;
    private final PCollectionView<List<DeadLetter>> failed;

    RankFn(PCollectionView<List<TrainedVariant>> trained, PCollectionView<List<DeadLetter>> failed) {
      this.trained = trained;
      this.failed = failed;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<TrainedVariant> variants = context.sideInput(trained);
      if (variants.isEmpty()) {
        String why = context.sideInput(failed).stream().map(d -> d.item() + ": " + d.message())
            .collect(Collectors.joining("; "));
        throw new IllegalStateException("no variant could be trained" + (why.isEmpty() ? "" : " (" + why + ")"));
      }
      Selection selection = new Selection(variants);
      TrainedVariant best = selection.best();
      System.err.printf(Locale.ROOT, "canopy: select: %s has the lowest validation MAE (%.2f m) of %d variants%n",
          best.name(), best.validationMae(), variants.size());
      context.output(selection);
    }
  }
}

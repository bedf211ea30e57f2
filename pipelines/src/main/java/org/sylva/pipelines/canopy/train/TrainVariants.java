package org.sylva.pipelines.canopy.train;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.train.TrainingDivergedException;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;
import org.sylva.pipelines.canopy.dataset.PatchDataset;

/**
 * Stage 3: trains every variant of the catalogue in parallel, one Beam element per variant. The dataset is
 * fanned out into (variant, dataset) jobs keyed by the variant's position, {@link Reshuffle}d so the runner
 * spreads them over its workers (threads of the DirectRunner, task slots on Flink), and each job trains and
 * evaluates one model ({@link VariantTraining}). A variant whose bands the stack lacks (e.g. no Sentinel-1
 * data) or whose training diverges (NaN loss) is a dead letter and the others go on; any other failure stops the run.
 */
public final class TrainVariants extends PTransform<PCollection<PatchDataset>, PCollectionTuple> {

  public static final TupleTag<TrainedVariant> TRAINED = new TupleTag<>("trained") {};

  private final VariantCatalog catalog;
  private final ModelSettings settings;
  private final RunLayout layout;

  public TrainVariants(VariantCatalog catalog, ModelSettings settings, RunLayout layout) {
    this.catalog = catalog;
    this.settings = settings;
    this.layout = layout;
  }

  /** A variant to train on a dataset. */
  public record Job(Variant variant, PatchDataset dataset) implements java.io.Serializable {}

  @Override
  public PCollectionTuple expand(PCollection<PatchDataset> dataset) {
    PCollectionTuple out = dataset
        .apply("OneJobPerVariant", ParDo.of(new FanOutFn(catalog, layout)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(Job.class)))
        .apply("SpreadOverWorkers", Reshuffle.of())
        .apply("DropKeys", Values.create())
        .apply("TrainAndTest", ParDo.of(new TrainFn(catalog, settings, layout))
            .withOutputTags(TRAINED, TupleTagList.of(DeadLetter.TAG)));
    out.get(TRAINED).setCoder(SerializableCoder.of(TrainedVariant.class));
    out.get(DeadLetter.TAG).setCoder(SerializableCoder.of(DeadLetter.class));
    return out;
  }

  /** Where the catalogue the variants were trained with is recorded (so their indices can be computed again). */
  public static java.nio.file.Path catalogFile(RunLayout layout) {
    return layout.root().resolve("variants").resolve("catalog.json");
  }

  static final class FanOutFn extends DoFn<PatchDataset, KV<Integer, Job>> {
    private final VariantCatalog catalog;
    private final RunLayout layout;

    FanOutFn(VariantCatalog catalog, RunLayout layout) {
      this.catalog = catalog;
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element PatchDataset dataset, OutputReceiver<KV<Integer, Job>> out) throws IOException {
      List<Variant> variants = catalog.variants();
      org.sylva.models.io.Json.write(catalogFile(layout), catalog);
      System.err.println("canopy: train: " + variants.size() + " variants in parallel");
      for (int i = 0; i < variants.size(); i++) {
        out.output(KV.of(i, new Job(variants.get(i), dataset)));
      }
    }
  }

  static final class TrainFn extends DoFn<Job, TrainedVariant> {
    private final VariantCatalog catalog;
    private final ModelSettings settings;
    private final RunLayout layout;

    TrainFn(VariantCatalog catalog, ModelSettings settings, RunLayout layout) {
      this.catalog = catalog;
      this.settings = settings;
      this.layout = layout;
    }

    @Setup
    public void setup() {
      TorchThreads.set(settings.torchThreads());
    }

    @ProcessElement
    public void process(@Element Job job, MultiOutputReceiver out) throws IOException {
      Variant variant = job.variant();
      VariantTraining training = new VariantTraining(settings, catalog.indices(), layout);
      List<String> missing = training.missingBands(variant, job.dataset().bands());
      if (!missing.isEmpty()) {
        out.get(DeadLetter.TAG).output(new DeadLetter("train", variant.name(), "bands " + missing
            + " are not in the dataset (has " + job.dataset().bands() + "); variant not trained"));
        return;
      }
      StageTimer timer = StageTimer.start(layout, "train", variant.name(), variant.bands().size() + " bands "
          + variant.bands());
      TrainedVariant trained;
      try {
        trained = training.train(variant, job.dataset());
      } catch (TrainingDivergedException e) {
        // One variant's numbers blowing up says nothing about the others: they go on, and the report lists this one.
        timer.done(e.getMessage());
        out.get(DeadLetter.TAG).output(new DeadLetter("train", variant.name(), e.getMessage() + "; variant not trained"));
        return;
      }
      timer.done(String.format(Locale.ROOT, "validation MAE %.2f m, test MAE %.2f m, best epoch %d of %d",
          trained.validationMae(), trained.testMae(), trained.bestEpoch() + 1, trained.epochsRun()));
      out.get(TRAINED).output(trained);
    }
  }
}

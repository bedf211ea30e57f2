package org.sylva.pipelines.canopy.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.models.io.Json;
import org.sylva.models.progress.ProgressBar;
import org.sylva.pipelines.canopy.DeadLetter;
import org.sylva.pipelines.canopy.RunLayout;
import org.sylva.pipelines.canopy.StageTimer;

/**
 * Stage 1: turns the configured {@link SceneIngestion} into an {@link IngestedStack} (composites, targets,
 * footprints) on {@link #STACK}, its skipped items on {@link DeadLetter#TAG}, and records it in
 * {@code ingest.json}.
 */
public final class IngestScene extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<IngestedStack> STACK = new TupleTag<>("stack") {};

  private final SceneIngestion ingestion;
  private final RunLayout layout;

  public IngestScene(SceneIngestion ingestion, RunLayout layout) {
    this.ingestion = ingestion;
    this.layout = layout;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple out = begin
        .apply("Source", Create.of(ingestion).withCoder(coder()))
        .apply("CompositesTargetsFootprints", ParDo.of(new IngestFn(layout))
            .withOutputTags(STACK, TupleTagList.of(DeadLetter.TAG)));
    out.get(STACK).setCoder(SerializableCoder.of(IngestedStack.class));
    out.get(DeadLetter.TAG).setCoder(SerializableCoder.of(DeadLetter.class));
    return out;
  }

  /** The coder of the concrete (record) class, whose equals Beam can rely on. */
  @SuppressWarnings("unchecked")
  private org.apache.beam.sdk.coders.Coder<SceneIngestion> coder() {
    return (org.apache.beam.sdk.coders.Coder<SceneIngestion>) (org.apache.beam.sdk.coders.Coder<?>)
        SerializableCoder.of(ingestion.getClass());
  }

  static final class IngestFn extends DoFn<SceneIngestion, IngestedStack> {
    private final RunLayout layout;

    IngestFn(RunLayout layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element SceneIngestion ingestion, MultiOutputReceiver out) throws IOException {
      StageTimer timer = StageTimer.start(layout, "ingest", "", ingestion.describe());
      IngestedStack stack;
      try (BarListener progress = new BarListener("ingest")) {
        stack = ingestion.ingest(layout.root().resolve("ingest"), progress);
      }
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("source", ingestion.manifest());
      record.put("stack", stack);
      Json.write(layout.ingestManifest(), record);
      stack.problems().forEach(p -> out.get(DeadLetter.TAG).output(p));
      out.get(STACK).output(stack);
      timer.done(stack.problems().size() + " item(s) skipped");
    }
  }

  /**
   * Progress bars for the phases of an ingest (dates simulated or read, composite tiles, granules): a new bar
   * starts when the total changes or the count starts again.
   */
  static final class BarListener implements ProgressListener, AutoCloseable {
    private final String label;
    private ProgressBar bar;
    private long shown;
    private long total;

    BarListener(String label) {
      this.label = label;
    }

    @Override
    public synchronized void progress(long done, long newTotal, String status) {
      if (bar == null || newTotal != total || done < shown) {
        close();
        bar = ProgressBar.start(label, newTotal);
        total = newTotal;
        shown = 0;
      }
      if (done > shown) {
        bar.step(done - shown, status);
        shown = done;
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}

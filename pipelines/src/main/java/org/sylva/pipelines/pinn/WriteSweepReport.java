package org.sylva.pipelines.pinn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Gathers all training results in one place and writes the sweep's tables and plots
 * ({@link SweepReport}). Emits the names of the PDEs whose best configuration was plotted.
 */
public final class WriteSweepReport extends PTransform<PCollection<PinnRunResult>, PCollection<String>> {

  private final String runFolder;

  public WriteSweepReport(String runFolder) {
    this.runFolder = runFolder;
  }

  @Override
  public PCollection<String> expand(PCollection<PinnRunResult> results) {
    return results
        .apply("OneGroup", WithKeys.of("sweep"))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(PinnRunResult.class)))
        .apply("GatherResults", GroupByKey.create())
        .apply("WriteTablesAndPlots", ParDo.of(new WriteFn(runFolder)));
  }

  static final class WriteFn extends DoFn<KV<String, Iterable<PinnRunResult>>, String> {
    private final String runFolder;

    WriteFn(String runFolder) {
      this.runFolder = runFolder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<PinnRunResult>> all, OutputReceiver<String> out) {
      List<PinnRunResult> results = new ArrayList<>();
      all.getValue().forEach(results::add);
      try {
        SweepReport.write(Path.of(runFolder), results).keySet().forEach(out::output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

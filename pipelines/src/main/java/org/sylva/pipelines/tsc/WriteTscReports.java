package org.sylva.pipelines.tsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The reduce stage: every cell's result gathered under one key and written as the run folder's tables,
 * ranking and diagram ({@link TscReports}). Emits the names of the files written.
 */
public final class WriteTscReports extends PTransform<PCollection<TscRunResult>, PCollection<String>> {

  private static final long serialVersionUID = 1L;

  private final String runDir;

  public WriteTscReports(String runDir) {
    this.runDir = runDir;
  }

  @Override
  public PCollection<String> expand(PCollection<TscRunResult> results) {
    return results
        .apply("KeyAll", WithKeys.of("all"))
        .apply("GatherResults", GroupByKey.create())
        .apply("WriteTablesAndRanking", ParDo.of(new WriteFn(runDir)))
        .setCoder(StringUtf8Coder.of());
  }

  /** Writes the report files from the one group holding every result. */
  static final class WriteFn extends DoFn<KV<String, Iterable<TscRunResult>>, String> {

    private static final long serialVersionUID = 1L;

    private final String runDir;

    WriteFn(String runDir) {
      this.runDir = runDir;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<TscRunResult>> group, OutputReceiver<String> out) {
      List<TscRunResult> results = new ArrayList<>();
      group.getValue().forEach(results::add);
      try {
        for (String name : TscReports.write(Path.of(runDir), results)) {
          out.output(name);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

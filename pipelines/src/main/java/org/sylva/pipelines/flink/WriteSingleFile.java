package org.sylva.pipelines.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes the single element of a {@code PCollection<String>} as one file through Beam's FileSystems, so the
 * target may be a local path or any registered filesystem ({@code s3://}, {@code gs://} when their IO
 * modules are staged). The text goes to a unique temporary file beside the target and is then renamed onto
 * it: readers see no file or the whole file, never part of one. A restarted Flink job that writes again
 * replaces the file with the same bytes, so retries neither duplicate nor lose output.
 */
public final class WriteSingleFile extends PTransform<PCollection<String>, PDone> {

  private final String target;

  public WriteSingleFile(String target) {
    this.target = target;
  }

  @Override
  public PDone expand(PCollection<String> text) {
    text.apply("WriteAndRename", ParDo.of(new WriteFn(target)));
    return PDone.in(text.getPipeline());
  }

  static final class WriteFn extends DoFn<String, Void> {
    private final String target;

    WriteFn(String target) {
      this.target = target;
    }

    @ProcessElement
    public void process(@Element String content) throws IOException {
      ResourceId destination = FileSystems.matchNewResource(target, false);
      ResourceId temporary = destination.getCurrentDirectory().resolve(
          "." + destination.getFilename() + "." + java.util.UUID.randomUUID() + ".tmp",
          org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(temporary, MimeTypes.TEXT))) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      FileSystems.rename(List.of(temporary), List.of(destination));
    }
  }
}

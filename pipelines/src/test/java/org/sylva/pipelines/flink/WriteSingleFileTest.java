package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteSingleFileTest {

  @TempDir Path dir;

  @Test
  void writesTheTextAndReplacesAnOlderFileWithoutLeavingTemporaries() throws Exception {
    Path target = dir.resolve("nested/run/summary.txt");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "old content that is longer than the new one\n");

    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline.apply(Create.of("pi\t3.14\n")).apply(new WriteSingleFile(target.toString()));
    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(target)).isEqualTo("pi\t3.14\n");
    try (var files = Files.list(target.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("summary.txt");
    }
  }
}

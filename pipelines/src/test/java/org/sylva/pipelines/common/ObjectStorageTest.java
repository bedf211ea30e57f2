package org.sylva.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Run folders can be written to {@code s3://} (the scheduled runs do): Beam must know the scheme from the
 * bundled AWS IO module, without contacting AWS to resolve a path. Schemes nobody bundled stay a clear error.
 */
class ObjectStorageTest {

  @Test
  void s3SchemeResolvesOfflineAndUnknownSchemesAreRefused() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.fromArgs("--awsRegion=eu-west-3").create());
    ResourceId run = FileSystems.matchNewResource("s3://sylva-maps/landes/yearly/canopy", true);
    assertThat(run.getScheme()).isEqualTo("s3");
    assertThat(run.resolve("report.md", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE)
        .toString()).isEqualTo("s3://sylva-maps/landes/yearly/canopy/report.md");
    assertThatThrownBy(() -> FileSystems.matchNewResource("xyz://bucket/path", true))
        .hasMessageContaining("No filesystem found for scheme xyz");
  }
}

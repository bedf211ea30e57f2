package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir Path dir;

  @Test
  void ratiosFavourSylvaAboveOneForThroughputsAndTimes() throws Exception {
    var throughput = new BenchReport.Measurement("write", "MB/s", 140, 200.0, "gdal", true);
    var time = new BenchReport.Measurement("read", "s", 2.0, 3.0, "rasterio", false);
    assertThat(throughput.speedRatio()).isEqualTo(0.7);
    assertThat(time.speedRatio()).isEqualTo(1.5);

    BenchReport report = new BenchReport("demo", "two measurements").measure(throughput).measure(time)
        .target("write", 0.7).target("read", 2.0).detail("size", "10x10");
    Path json = report.write(dir);
    assertThat(Files.readString(json)).contains("\"targetMet\" : true").contains("\"targetMet\" : false");
    assertThat(Files.readString(dir.resolve("demo.md")))
        .contains("| write | MB/s | 140.0 | gdal | 200.0 | 0.700× | ≥ 0.700 (met) |")
        .contains("| read | s | 2.00 | rasterio | 3.00 | 1.50× | ≥ 2.00 (missed) |")
        .contains("- size: 10x10");
  }
}

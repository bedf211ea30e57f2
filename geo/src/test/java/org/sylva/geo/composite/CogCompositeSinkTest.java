package org.sylva.geo.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.testing.TestRasters;

/** The COG sink holds exactly what the in-memory sink holds, with names, units and metadata; a failure leaves nothing. */
class CogCompositeSinkTest {

  @TempDir Path dir;

  /** Observation {@code factor}: 0.01·factor·column, valid everywhere for factor 1, on the left half for factor 2. */
  static Observation ramp(GridGeometry grid, int factor, String failOnTilesRightOfOrigin) {
    return new Observation() {
      @Override
      public String id() {
        return "obs" + factor;
      }

      @Override
      public Instant time() {
        return Instant.parse("2023-06-0" + factor + "T10:00:00Z");
      }

      @Override
      public List<String> bandNames() {
        return List.of("B04");
      }

      @Override
      public ObservationTile read(GridGeometry tile) throws IOException {
        int col0 = (int) Math.round(grid.transform().col(tile.transform().originX(), tile.transform().originY()));
        if (failOnTilesRightOfOrigin != null && col0 > 0) {
          throw new IOException(failOnTilesRightOfOrigin);
        }
        float[] v = new float[(int) tile.pixelCount()];
        boolean[] valid = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
          int col = col0 + i % tile.width();
          valid[i] = factor == 1 || col < grid.width() / 2;
          v[i] = factor * 0.01f * col;
        }
        return new ObservationTile() {
          @Override
          public boolean[] valid() {
            return valid;
          }

          @Override
          public float[] band(int index) {
            return v;
          }
        };
      }
    };
  }

  @Test
  void cogHoldsTheCompositeWithItsMetadata() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(70, 40, 10);
    List<Observation> observations = List.of(ramp(grid, 1, null), ramp(grid, 2, null));
    TemporalCompositor compositor = TemporalCompositor.builder().grid(grid).tileSize(32).threads(2).unit("1")
        .description("test composite").metadata("sensor", "test").build();
    InMemoryCompositeSink memory = new InMemoryCompositeSink();
    compositor.run(observations, memory, (d, t, s) -> { });
    Path file = dir.resolve("composite.tif");
    CompositeReport report = compositor.run(observations, new CogCompositeSink(file, 2), (d, t, s) -> { });
    assertThat(report.pixelsWithoutObservation()).isZero();
    try (GeoTiffReader cog = GeoTiff.open(file)) {
      assertThat(cog.bandNames()).containsExactly("B04", "B04_mean", "count");
      assertThat(cog.nodata().getAsDouble()).isNaN();
      assertThat(cog.grid()).isEqualTo(grid);
      assertThat(cog.bandMetadata().get(0).unit()).hasValue("1");
      assertThat(cog.bandMetadata().get(2).unit()).hasValue("count");
      assertThat(cog.bandMetadata().get(1).items()).containsEntry("STATISTIC", "mean");
      assertThat(cog.metadata()).containsEntry("DESCRIPTION", "test composite").containsEntry("sensor", "test")
          .containsEntry("observation_ids", "obs1,obs2").containsEntry("statistic", "median");
      for (String band : List.of("B04", "B04_mean", "count")) {
        TestRasters.assertSameSamples(cog.read(grid.fullWindow(), cog.bandNames().indexOf(band)), memory.band(band));
      }
      // Left half: median of c and 2c is 1.5c; right half: only c. Count 2 then 1.
      float[] median = cog.read(grid.fullWindow(), 0);
      float[] count = cog.read(grid.fullWindow(), 2);
      assertThat((double) median[10]).isCloseTo(0.15, within(1e-6));
      assertThat(median[60]).isEqualTo(0.01f * 60);
      assertThat(count[10]).isEqualTo(2f);
      assertThat(count[60]).isEqualTo(1f);
    }
  }

  @Test
  void failedRunLeavesNoFile() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(70, 40, 10);
    List<Observation> observations = new ArrayList<>(List.of(ramp(grid, 1, null), ramp(grid, 2, "broken.tif: corrupt tile")));
    Path file = dir.resolve("composite.tif");
    TemporalCompositor compositor = TemporalCompositor.builder().grid(grid).tileSize(32).threads(2).build();
    assertThatThrownBy(() -> compositor.run(observations, new CogCompositeSink(file, 2), (d, t, s) -> { }))
        .hasMessage("broken.tif: corrupt tile");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}

package org.sylva.geo.gedi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;

class GediL2aReaderTest {

  @TempDir Path dir;

  @Test
  void readsH5pyFixtureInRealLayoutWithIdenticalValues() throws IOException {
    Path file = dir.resolve("GEDI02_A_2021166100000_O14000_03_T01234_02_003_01_V002.h5");
    JsonNode expected = GediFixtures.write(file, "random");
    try (GediL2aReader reader = GediL2aReader.open(file)) {
      assertThat(reader.beams()).containsExactly(GediBeam.BEAM0000, GediBeam.BEAM0011, GediBeam.BEAM0101, GediBeam.BEAM1011);
    }
    for (GediBeam beam : List.of(GediBeam.BEAM0000, GediBeam.BEAM0011, GediBeam.BEAM0101, GediBeam.BEAM1011)) {
      // Beams of 517, 260, 700 and 1 shots in 128-shot chunks: partial last chunks and a single-shot beam.
      assertBeamEquals(GediFixtures.readBeam(file, beam), expected.get(beam.name()));
    }
  }

  @Test
  void readsFloat32RhAsExported() throws IOException {
    Path file = dir.resolve("float32.h5");
    JsonNode expected = GediFixtures.write(file, "random", "float32");
    assertBeamEquals(GediFixtures.readBeam(file, GediBeam.BEAM0101),
        expected.get("BEAM0101"));
  }

  @Test
  void missingRhIsOneLineNamingFileBeamAndDataset() throws IOException {
    Path file = dir.resolve("no_rh.h5");
    GediFixtures.write(file, "filters");
    ExternalTools.python("import h5py, sys\nwith h5py.File(sys.argv[1], 'a') as f: del f['BEAM0110/rh']", file.toString());
    assertThatThrownBy(() -> GediFixtures.readBeam(file, GediBeam.BEAM0110))
        .isInstanceOf(GediFormatException.class)
        .hasMessage("no_rh.h5: BEAM0110 has no dataset 'rh'");
  }

  @Test
  void truncatedFileIsOneLineNamingTheFile() throws IOException {
    Path full = dir.resolve("full.h5");
    GediFixtures.write(full, "random");
    byte[] bytes = Files.readAllBytes(full);
    for (int keep : new int[] {bytes.length / 2, 1000, 10}) {
      Path truncated = dir.resolve("truncated_" + keep + ".h5");
      Files.write(truncated, java.util.Arrays.copyOf(bytes, keep));
      assertThatThrownBy(() -> {
        try (GediL2aReader reader = GediL2aReader.open(truncated)) {
          for (GediBeam beam : reader.beams()) {
            reader.readBeam(beam);
          }
        }
      }).isInstanceOf(GediFormatException.class)
          .hasMessageStartingWith("truncated_" + keep + ".h5: ")
          .hasMessageContaining("truncated or corrupt")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  private static void assertBeamEquals(GediShotBatch b, JsonNode expected) {
    assertThat(b.size()).isEqualTo(expected.get("shot_number").size());
    for (int i = 0; i < b.size(); i++) {
      assertThat(Long.toUnsignedString(b.shotNumber()[i])).isEqualTo(expected.get("shot_number").get(i).asText());
      assertThat(b.deltaTime()[i]).isEqualTo(expected.get("delta_time").get(i).asDouble());
      assertThat(b.latLowestMode()[i]).isEqualTo(expected.get("lat").get(i).asDouble());
      assertThat(b.lonLowestMode()[i]).isEqualTo(expected.get("lon").get(i).asDouble());
      assertThat(b.elevLowestMode()[i]).isEqualTo(expected.get("elev").get(i).asDouble());
      assertThat(b.qualityFlag()[i]).isEqualTo(expected.get("quality").get(i).asInt());
      assertThat(b.degradeFlag()[i]).isEqualTo(expected.get("degrade").get(i).asInt());
      assertThat((double) b.sensitivity()[i]).isEqualTo(expected.get("sensitivity").get(i).asDouble());
      assertThat(b.leafOffFlag()[i]).isEqualTo(expected.get("leaf_off").get(i).asInt());
      assertThat(b.rh95()[i]).isEqualTo(expected.get("rh95").get(i).asDouble());
      assertThat(b.rh98()[i]).isEqualTo(expected.get("rh98").get(i).asDouble());
      assertThat(b.rh100()[i]).isEqualTo(expected.get("rh100").get(i).asDouble());
    }
  }
}

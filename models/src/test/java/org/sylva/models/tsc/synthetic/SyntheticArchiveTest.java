package org.sylva.models.tsc.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.tsc.data.LengthPolicy;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;

class SyntheticArchiveTest {

  @TempDir Path dir;

  @Test
  void writesTheArchiveSizesAndLengthsInTheUcrLayout() throws Exception {
    for (SyntheticDataset d : SyntheticDataset.values()) {
      SyntheticArchive.write(dir, d, 42);
      TrainTestSplit data = TscArchive.load(dir, d.archiveName(), new Preprocessing(false, LengthPolicy.RESAMPLE));
      assertThat(data.train().size()).isEqualTo(d.trainSize());
      assertThat(data.test().size()).isEqualTo(d.testSize());
      assertThat(data.train().length()).isEqualTo(d.generator().length());
      assertThat(data.train().classCount()).isEqualTo(d.generator().classCount());
      // balanced classes, UCR labels 1..k
      int k = d.generator().classCount();
      assertThat(data.train().classCounts()).containsOnly(d.trainSize() / k);
      assertThat(data.test().classCounts()).containsOnly(d.testSize() / k);
      assertThat(data.train().classes().names()).first().isEqualTo("1");
    }
    assertThat(new int[] {SyntheticDataset.CBF.trainSize(), SyntheticDataset.CBF.testSize(),
        SyntheticDataset.SYNTHETIC_CONTROL.trainSize(), SyntheticDataset.SYNTHETIC_CONTROL.testSize(),
        SyntheticDataset.TWO_PATTERNS.trainSize(), SyntheticDataset.TWO_PATTERNS.testSize()})
        .containsExactly(30, 900, 300, 300, 1000, 4000);
  }

  @Test
  void storesValuesAsTheArchiveDoes() throws Exception {
    SyntheticArchive.write(dir, SyntheticDataset.CBF, 3, 12, 6);
    SyntheticArchive.write(dir, SyntheticDataset.SYNTHETIC_CONTROL, 3, 12, 6);
    Preprocessing raw = new Preprocessing(false, LengthPolicy.RESAMPLE);
    float[] cbf = TscArchive.load(dir, "CBF", raw).train().series()[0][0];
    double mean = 0;
    for (float v : cbf) {
      mean += v / cbf.length;
    }
    assertThat(mean).isCloseTo(0, within(1e-5)); // z-normalised, like the archive's CBF
    float[] control = TscArchive.load(dir, "SyntheticControl", raw).train().series()[0][0];
    assertThat(control[0]).isBetween(9f, 51f); // raw values around 30, like the archive's
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherData() throws Exception {
    Path a = SyntheticArchive.write(dir.resolve("a"), SyntheticDataset.TWO_PATTERNS, 7, 40, 20);
    Path b = SyntheticArchive.write(dir.resolve("b"), SyntheticDataset.TWO_PATTERNS, 7, 40, 20);
    Path c = SyntheticArchive.write(dir.resolve("c"), SyntheticDataset.TWO_PATTERNS, 8, 40, 20);
    for (String split : new String[] {"TwoPatterns_TRAIN.tsv", "TwoPatterns_TEST.tsv"}) {
      assertThat(Files.readAllBytes(a.resolve(split))).isEqualTo(Files.readAllBytes(b.resolve(split)));
      assertThat(Files.readAllBytes(a.resolve(split))).isNotEqualTo(Files.readAllBytes(c.resolve(split)));
    }
    // train and test come from different streams
    assertThat(Files.readString(a.resolve("TwoPatterns_TRAIN.tsv")).lines().findFirst())
        .isNotEqualTo(Files.readString(a.resolve("TwoPatterns_TEST.tsv")).lines().findFirst());
  }
}

package org.sylva.models.tsc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {

  @TempDir Path dir;

  @Test
  void interiorGapsInterpolateLinearlyAndEdgesTakeTheNearestValue() {
    double nan = Double.NaN;
    assertThat(Preprocessing.fillMissing(new double[] {nan, nan, 2, nan, nan, 5, nan}))
        .containsExactly(2, 2, 2, 3, 4, 5, 5);
    assertThat(Preprocessing.fillMissing(new double[] {1, nan, 2})).containsExactly(1, 1.5, 2);
    assertThatThrownBy(() -> Preprocessing.fillMissing(new double[] {nan})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zNormalisationUsesThePopulationStandardDeviationAndZerosConstants() {
    double[] z = Preprocessing.zNormalised(new double[] {1, 2, 3, 4});
    // mean 2.5, population std sqrt(1.25)
    assertThat(z[0]).isCloseTo(-1.5 / Math.sqrt(1.25), within(1e-12));
    assertThat(z[3]).isCloseTo(1.5 / Math.sqrt(1.25), within(1e-12));
    assertThat(Preprocessing.zNormalised(new double[] {7, 7, 7})).containsExactly(0, 0, 0);
  }

  @Test
  void resamplingKeepsEndpointsAndInterpolatesLinearly() {
    assertThat(Preprocessing.resampled(new double[] {0, 10}, 5)).containsExactly(0, 2.5, 5, 7.5, 10);
    assertThat(Preprocessing.resampled(new double[] {1, 3, 2}, 5)).containsExactly(1, 2, 3, 2.5, 2);
    assertThat(Preprocessing.resampled(new double[] {4}, 3)).containsExactly(4, 4, 4);
    assertThat(Preprocessing.zeroPadded(new double[] {1, 2}, 4)).containsExactly(1, 2, 0, 0);
  }

  @Test
  void trainAndTestShareTheLongestLengthAndOneLabelMapping() throws Exception {
    RawSplit train = split("TRAIN", new RawSeries("10", new double[][] {{0, 1, 2, 3}}, 1),
        new RawSeries("2", new double[][] {{0, Double.NaN, 4}}, 2));
    RawSplit test = split("TEST", new RawSeries("2", new double[][] {{1, 2, 3, 4, 5, 6, 7}}, 1));
    TrainTestSplit data = new Preprocessing(false, LengthPolicy.RESAMPLE).apply("X", train, test);
    assertThat(data.train().classes().names()).containsExactly("2", "10"); // numeric order, not text order
    assertThat(data.train().labels()).containsExactly(1, 0);
    assertThat(data.test().labels()).containsExactly(0);
    assertThat(data.train().length()).isEqualTo(7);
    // {0, NaN, 4} -> {0, 2, 4} -> 7 points from 0 to 4
    assertThat(data.train().series()[1][0]).containsExactly(0f, 2f / 3, 4f / 3, 2f, 8f / 3, 10f / 3, 4f);

    TrainTestSplit padded = new Preprocessing(true, LengthPolicy.PAD_ZEROS).apply("X", train, test);
    float[] first = padded.train().series()[0][0];
    assertThat(first[3]).isCloseTo((float) (1.5 / Math.sqrt(1.25)), within(1e-6f));
    assertThat(first[4]).isZero();
    assertThat(first).hasSize(7);
  }

  @Test
  void multivariateCasesKeepTheirDimensions() throws Exception {
    RawSplit train = split("TRAIN", new RawSeries("a", new double[][] {{1, 2, 3}, {3, 2}}, 1),
        new RawSeries("b", new double[][] {{1, 1, 1}, {0, 5, 0}}, 2));
    RawSplit test = split("TEST", new RawSeries("b", new double[][] {{1, 2}, {2, 1}}, 1));
    TrainTestSplit data = Preprocessing.defaults().apply("M", train, test);
    assertThat(data.train().channels()).isEqualTo(2);
    assertThat(data.test().series()[0][1]).hasSize(3);
    assertThat(data.train().series()[1][0]).containsExactly(0f, 0f, 0f); // constant series -> zeros
  }

  @Test
  void testLabelsUnseenInTrainingAreAnErrorWithFileAndLine() throws Exception {
    RawSplit train = split("TRAIN", new RawSeries("1", new double[][] {{1, 2}}, 1));
    RawSplit test = split("TEST", new RawSeries("1", new double[][] {{1, 2}}, 1), new RawSeries("3", new double[][] {{1, 2}}, 5));
    assertThatThrownBy(() -> Preprocessing.defaults().apply("X", train, test))
        .isInstanceOf(TscFormatException.class)
        .hasMessage(test.file() + ":5: class label '3' does not occur in the training file X_TRAIN.tsv (classes [1])");
  }

  @Test
  void dimensionCountsMustAgreeBetweenTrainAndTest() throws Exception {
    RawSplit train = split("TRAIN", new RawSeries("1", new double[][] {{1, 2}}, 1));
    RawSplit test = split("TEST", new RawSeries("1", new double[][] {{1, 2}, {3, 4}}, 3));
    assertThatThrownBy(() -> Preprocessing.defaults().apply("X", train, test))
        .hasMessage(test.file() + ":3: 2 dimensions, but the training file X_TRAIN.tsv has 1");
  }

  @Test
  void archiveLayoutsAreFoundAndMissingDatasetsListWhereTheyWereLookedFor() throws Exception {
    Path ucr = dir.resolve("archive/UCRArchive_2018/Toy");
    Files.createDirectories(ucr);
    Files.writeString(ucr.resolve("Toy_TRAIN.tsv"), "1\t1\t2\n2\t3\t4\n");
    Files.writeString(ucr.resolve("Toy_TEST.tsv"), "2\t1\t2\n");
    Path uea = dir.resolve("archive/Multivariate_ts/Two");
    Files.createDirectories(uea);
    Files.writeString(uea.resolve("Two_TRAIN.ts"), "@classLabel true a b\n@data\n1,2:3,4:a\n1,2:3,4:b\n");
    Files.writeString(uea.resolve("Two_TEST.ts"), "@classLabel true a b\n@data\n1,2:3,4:b\n");
    Path archive = dir.resolve("archive");
    assertThat(TscArchive.datasets(archive)).containsExactly("Toy", "Two");
    assertThat(TscArchive.locate(archive, "Two").format()).isEqualTo(TscArchive.Format.TS);
    TrainTestSplit toy = TscArchive.load(archive, "Toy", Preprocessing.defaults());
    assertThat(toy.test().labels()).containsExactly(1);
    assertThat(TscArchive.load(archive, "Two", Preprocessing.defaults()).train().channels()).isEqualTo(2);
    assertThatThrownBy(() -> TscArchive.locate(archive, "Nope"))
        .hasMessageStartingWith(archive + ": no dataset Nope (looked for Nope_TRAIN.tsv/.ts in Nope/, UCRArchive_2018/Nope/");
    Files.delete(ucr.resolve("Toy_TEST.tsv"));
    assertThatThrownBy(() -> TscArchive.locate(archive, "Toy"))
        .hasMessage(ucr.resolve("Toy_TEST.tsv") + ": missing (its training twin exists)");
  }

  private RawSplit split(String which, RawSeries... cases) {
    return new RawSplit(dir.resolve("X_" + which + ".tsv"), List.of(cases), List.of());
  }
}

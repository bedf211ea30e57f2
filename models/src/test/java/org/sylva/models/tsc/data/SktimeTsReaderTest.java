package org.sylva.models.tsc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SktimeTsReaderTest {

  @TempDir Path dir;

  private static final String MULTIVARIATE_HEADER = """
      # A cut-down multivariate problem, as the UEA archive writes them
      @problemName Toy
      @timeStamps false
      @missing true
      @univariate false
      @dimensions 2
      @equalLength false
      @classLabel true walk run
      @data
      """;

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsMultivariateUnequalLengthWithMissingValues() throws Exception {
    Path f = file("Toy_TRAIN.ts", MULTIVARIATE_HEADER
        + "1.0,2.0,3.0:4.0,?,6.0:walk\n"
        + "\n"
        + "% a comment in the data section\n"
        + "1,2:3,4:run\n");
    RawSplit split = SktimeTsReader.read(f);
    assertThat(split.declaredLabels()).containsExactly("walk", "run");
    assertThat(split.channels()).isEqualTo(2);
    RawSeries first = split.cases().get(0);
    assertThat(first.label()).isEqualTo("walk");
    assertThat(first.line()).isEqualTo(10);
    assertThat(first.channels()[0]).containsExactly(1.0, 2.0, 3.0);
    assertThat(first.channels()[1][1]).isNaN();
    RawSeries second = split.cases().get(1);
    assertThat(second.line()).isEqualTo(13);
    assertThat(second.channels()[0]).containsExactly(1.0, 2.0);
    assertThat(second.maxLength()).isEqualTo(2);
  }

  @Test
  void univariateEqualLengthFileWithNumericLabels() throws Exception {
    Path f = file("U_TEST.ts", """
        @problemName U
        @timeStamps false
        @univariate true
        @equalLength true
        @seriesLength 3
        @classLabel true 1 2
        @data
        0.1,0.2,0.3:1
        0.4,0.5,0.6:2.0
        """);
    RawSplit split = SktimeTsReader.read(f);
    assertThat(split.cases()).extracting(RawSeries::label).containsExactly("1", "2");
    assertThat(split.cases().get(1).channels()[0]).containsExactly(0.4, 0.5, 0.6);
  }

  @Test
  void dimensionMismatchNamesTheLine() throws Exception {
    Path declared = file("a.ts", MULTIVARIATE_HEADER + "1,2:3,4:walk\n1,2:run\n");
    assertThatThrownBy(() -> SktimeTsReader.read(declared))
        .isInstanceOf(TscFormatException.class)
        .hasMessage(declared + ":11: 1 dimensions, expected 2 (@dimensions on line 6)");
    Path undeclared = file("b.ts", "@problemName B\n@classLabel true a b\n@data\n1,2:3,4:a\n1,2:3,4:5,6:b\n");
    assertThatThrownBy(() -> SktimeTsReader.read(undeclared))
        .hasMessage(undeclared + ":5: 3 dimensions, expected 2 as on line 4");
    Path univariate = file("c.ts", "@univariate true\n@classLabel true a\n@data\n1,2:3,4:a\n");
    assertThatThrownBy(() -> SktimeTsReader.read(univariate))
        .hasMessage(univariate + ":4: 2 dimensions but the header says @univariate true");
  }

  @Test
  void headerErrorsNameTheLine() throws Exception {
    assertError("@problemName X\n@colour blue\n@classLabel true a\n@data\n1:a\n", ":2: unknown header tag @colour");
    assertError("@missing maybe\n@classLabel true a\n@data\n1:a\n", ":1: @missing must be true or false, found 'maybe'");
    assertError("@seriesLength -3\n@classLabel true a\n@data\n1:a\n", ":1: @seriesLength must be a positive integer, found '-3'");
    assertError("@classLabel true a\n@classLabel true b\n@data\n1:a\n", ":2: @classLabel appears twice (first on line 1)");
    assertError("@classLabel true\n@data\n1:a\n", ":1: @classLabel true without any label");
    assertError("@classLabel false\n@data\n1\n", ":1: @classLabel false: unlabelled data cannot train a classifier");
    assertError("@problemName X\n@data\n1:a\n", ":2: @data before @classLabel: the class labels must be declared");
    assertError("@timeStamps true\n@classLabel true a\n@data\n", ":1: time-stamped series (@timeStamps true) are not supported");
    assertError("1,2,3:a\n", ":1: data before @data (header lines start with @)");
    assertError("@classLabel true a\n@data\n1,2:a\n@missing true\n", ":4: header tag after @data");
  }

  @Test
  void dataErrorsNameTheLine() throws Exception {
    assertError("@classLabel true a b\n@data\n1,2:a\n1,2:c\n", ":4: class label 'c' is not declared in @classLabel (line 1)");
    assertError("@classLabel true a\n@data\n1,x:a\n", ":3: column 2: 'x' is not a number");
    assertError("@missing false\n@classLabel true a\n@data\n1,?:a\n",
        ":4: missing value '?' in dimension 1 but the header says @missing false");
    assertError("@equalLength true\n@seriesLength 3\n@classLabel true a\n@data\n1,2,3:a\n1,2:a\n",
        ":6: series length 2, expected 3 (@seriesLength on line 2)");
    assertError("@equalLength true\n@classLabel true a\n@data\n1,2,3:a\n1,2:a\n",
        ":5: series length 2 but @equalLength true and line 4 has 3");
    assertError("@classLabel true a\n@data\n1,2\n", ":3: expected <values>:<label>, found no ':'");
    assertError("@classLabel true a\n@data\n:a\n", ":3: dimension 1 has no values");
    assertError("@classLabel true a\n@data\n?,?:a\n", ":3: dimension 1 has only missing values");
  }

  @Test
  void missingDataSectionAndEmptyData() throws Exception {
    Path noData = file("n.ts", "@problemName N\n@classLabel true a\n");
    assertThatThrownBy(() -> SktimeTsReader.read(noData)).hasMessage(noData + ": no @data section");
    Path empty = file("e.ts", "@classLabel true a\n@data\n");
    assertThatThrownBy(() -> SktimeTsReader.read(empty)).hasMessage(empty + ": no cases after @data");
  }

  private void assertError(String content, String messageAfterFileName) throws Exception {
    Path f = file("bad" + Math.abs(content.hashCode()) + ".ts", content);
    assertThatThrownBy(() -> SktimeTsReader.read(f))
        .isInstanceOf(TscFormatException.class)
        .hasMessage(f + messageAfterFileName);
  }
}

package org.sylva.models.tsc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UcrTsvReaderTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsLabelsValuesMissingValuesAndNanPaddedVariableLengths() throws Exception {
    Path f = file("X_TRAIN.tsv", ""
        + "1\t0.5\t1.5\t2.5\t3.5\n"
        + "2.0\t1\tNaN\t3\t4\n"          // interior NaN: a missing value
        + "\n"                            // blank line skipped
        + "-1\t7\t8\tNaN\tNaN\n");       // trailing NaN: archive padding of a shorter series
    RawSplit split = UcrTsvReader.read(f);
    assertThat(split.cases()).hasSize(3);
    assertThat(split.channels()).isEqualTo(1);
    assertThat(split.cases().get(0).label()).isEqualTo("1");
    assertThat(split.cases().get(0).channels()[0]).containsExactly(0.5, 1.5, 2.5, 3.5);
    assertThat(split.cases().get(1).label()).isEqualTo("2"); // 2.0 and 2 are one class
    assertThat(split.cases().get(1).channels()[0][1]).isNaN();
    assertThat(split.cases().get(1).channels()[0]).hasSize(4);
    assertThat(split.cases().get(2).channels()[0]).containsExactly(7.0, 8.0);
    assertThat(split.cases().get(2).line()).isEqualTo(4);
  }

  @Test
  void wrongColumnCountNamesFileAndLine() throws Exception {
    Path f = file("Bad_TRAIN.tsv", "1\t1\t2\t3\n2\t1\t2\t3\n1\t1\t2\n");
    assertThatThrownBy(() -> UcrTsvReader.read(f))
        .isInstanceOf(TscFormatException.class)
        .hasMessage(f + ":3: 3 columns, expected 4 as on line 1")
        .satisfies(e -> assertThat(((TscFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void badValuesAndLabelsNameTheLine() throws Exception {
    Path text = file("a.tsv", "1\t1\t2\n1\t1\tabc\n");
    assertThatThrownBy(() -> UcrTsvReader.read(text)).hasMessage(text + ":2: column 3: 'abc' is not a number");
    Path noLabel = file("b.tsv", "1\t1\t2\n\t1\t2\n");
    assertThatThrownBy(() -> UcrTsvReader.read(noLabel)).hasMessage(noLabel + ":2: missing class label in column 1");
    Path nanLabel = file("c.tsv", "NaN\t1\t2\n");
    assertThatThrownBy(() -> UcrTsvReader.read(nanLabel)).hasMessage(nanLabel + ":1: missing class label in column 1");
    Path allMissing = file("d.tsv", "1\t1\t2\n3\tNaN\tNaN\n");
    assertThatThrownBy(() -> UcrTsvReader.read(allMissing)).hasMessage(allMissing + ":2: no values (all 2 are NaN)");
    Path infinite = file("e.tsv", "1\tInfinity\t2\n");
    assertThatThrownBy(() -> UcrTsvReader.read(infinite)).hasMessage(infinite + ":1: column 2: 'Infinity' is not a finite number");
  }

  @Test
  void commaSeparatedAndEmptyFilesAreRejectedClearly() throws Exception {
    Path csv = file("old.tsv", "1,2,3\n");
    assertThatThrownBy(() -> UcrTsvReader.read(csv)).hasMessage(csv + ":1: expected tab-separated values (UCR 2018 .tsv), found commas");
    Path empty = file("empty.tsv", "\n\n");
    assertThatThrownBy(() -> UcrTsvReader.read(empty)).hasMessage(empty + ": no cases (the file is empty)");
  }
}

package org.sylva.models.tsc.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a UCR 2018 archive {@code .tsv} file: one case per line, the class label then the values,
 * separated by tabs, {@code NaN} for a missing value. The archive stores variable-length datasets padded
 * with {@code NaN} at the end of each row, so trailing {@code NaN}s end the series (its length is the last
 * non-{@code NaN} column); {@code NaN}s before that are missing values. Blank lines are skipped.
 *
 * <p>Every row must have as many columns as the first one (the archive's rectangular layout); a row with
 * another count, a bad label, a value that is not a number or a row without any value is reported with the
 * file name and the line number.
 */
public final class UcrTsvReader {

  private UcrTsvReader() {}

  public static RawSplit read(Path file) throws IOException {
    List<RawSeries> cases = new ArrayList<>();
    int expectedColumns = -1;
    int firstDataLine = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String[] fields = text.split("\t", -1);
        if (fields.length == 1) {
          throw new TscFormatException(file, line, text.contains(",")
              ? "expected tab-separated values (UCR 2018 .tsv), found commas"
              : "a label and at least one value are needed, found one column");
        }
        if (expectedColumns < 0) {
          expectedColumns = fields.length;
          firstDataLine = line;
        } else if (fields.length != expectedColumns) {
          throw new TscFormatException(file, line, fields.length + " columns, expected " + expectedColumns
              + " as on line " + firstDataLine);
        }
        cases.add(parseRow(file, line, fields));
      }
    }
    if (cases.isEmpty()) {
      throw new TscFormatException(file, "no cases (the file is empty)");
    }
    return new RawSplit(file, cases, List.of());
  }

  private static RawSeries parseRow(Path file, int line, String[] fields) throws TscFormatException {
    String label = fields[0].strip();
    if (label.isEmpty() || isMissing(label)) {
      throw new TscFormatException(file, line, "missing class label in column 1");
    }
    double[] values = new double[fields.length - 1];
    int last = -1;
    for (int i = 1; i < fields.length; i++) {
      double v = parseValue(file, line, i + 1, fields[i]);
      values[i - 1] = v;
      if (!Double.isNaN(v)) {
        last = i - 1;
      }
    }
    if (last < 0) {
      throw new TscFormatException(file, line, "no values (all " + values.length + " are NaN)");
    }
    return new RawSeries(Labels.canonical(label), new double[][] {Arrays.copyOf(values, last + 1)}, line);
  }

  static double parseValue(Path file, int line, int column, String field) throws TscFormatException {
    String t = field.strip();
    if (isMissing(t)) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(t);
      if (Double.isInfinite(v)) {
        throw new TscFormatException(file, line, "column " + column + ": '" + t + "' is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new TscFormatException(file, line, "column " + column + ": '" + t + "' is not a number");
    }
  }

  private static boolean isMissing(String t) {
    return t.equalsIgnoreCase("nan") || t.equals("?");
  }
}

package org.sylva.models.tsc.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .ts} file of the UEA/UCR archive (the sktime format). A header of {@code @tag value}
 * lines ({@code @problemName}, {@code @timeStamps}, {@code @missing}, {@code @univariate},
 * {@code @dimensions}, {@code @equalLength}, {@code @seriesLength}, {@code @classLabel true <labels>})
 * precedes {@code @data}; each data line is one case: dimensions separated by {@code :}, values within a
 * dimension by {@code ,}, {@code ?} for a missing value, the class label last. Lines starting with
 * {@code #} (or {@code %}, as in some archive files) are comments; blank lines are skipped.
 *
 * <p>The header is a contract and is checked: a case whose number of dimensions differs from the header
 * or from the first case, a length that breaks {@code @equalLength true}/{@code @seriesLength}, a {@code ?}
 * under {@code @missing false}, or a label not declared in {@code @classLabel} is an error naming the file
 * and the line. Time-stamped series ({@code @timeStamps true}) and regression files ({@code @targetLabel})
 * are rejected: they are not what a classifier reads.
 */
public final class SktimeTsReader {

  private static final Set<String> TAGS = Set.of("@problemname", "@timestamps", "@missing", "@univariate",
      "@dimension", "@dimensions", "@equallength", "@serieslength", "@classlabel", "@targetlabel", "@data");

  private SktimeTsReader() {}

  /** What the header declares; null fields were not declared. */
  private static final class Header {
    final Map<String, Integer> tagLines = new HashMap<>();
    Boolean missing;
    Boolean univariate;
    Integer dimensions;
    Boolean equalLength;
    Integer seriesLength;
    List<String> classLabels;
    int classLabelLine;
  }

  public static RawSplit read(Path file) throws IOException {
    Header header = new Header();
    List<RawSeries> cases = new ArrayList<>();
    boolean inData = false;
    int dimensionsLine = 0;
    int firstLength = -1;
    int firstLengthLine = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) {
          continue;
        }
        if (!inData) {
          if (!t.startsWith("@")) {
            throw new TscFormatException(file, line, "data before @data (header lines start with @)");
          }
          inData = parseTag(file, line, t, header);
          continue;
        }
        if (t.startsWith("@")) {
          throw new TscFormatException(file, line, "header tag after @data");
        }
        RawSeries c = parseCase(file, line, t, header);
        int dims = c.channels().length;
        Integer expected = header.dimensions;
        if (expected != null && dims != expected) {
          String source = dimensionsLine > 0 ? "as on line " + dimensionsLine
              : "(@dimensions on line " + header.tagLines.get("@dimensions") + ")";
          throw new TscFormatException(file, line, dims + " dimensions, expected " + expected + " " + source);
        }
        if (expected == null) {
          if (Boolean.TRUE.equals(header.univariate) && dims != 1) {
            throw new TscFormatException(file, line, dims + " dimensions but the header says @univariate true");
          }
          header.dimensions = dims;
          dimensionsLine = line;
        }
        if (Boolean.TRUE.equals(header.equalLength)) {
          for (double[] channel : c.channels()) {
            int length = channel.length;
            if (header.seriesLength != null && length != header.seriesLength) {
              throw new TscFormatException(file, line, "series length " + length + ", expected "
                  + header.seriesLength + " (@seriesLength on line " + header.tagLines.get("@serieslength") + ")");
            }
            if (firstLength < 0) {
              firstLength = length;
              firstLengthLine = line;
            } else if (length != firstLength) {
              throw new TscFormatException(file, line, "series length " + length + " but @equalLength true and line "
                  + firstLengthLine + " has " + firstLength);
            }
          }
        }
        cases.add(c);
      }
    }
    if (!inData) {
      throw new TscFormatException(file, "no @data section");
    }
    if (cases.isEmpty()) {
      throw new TscFormatException(file, "no cases after @data");
    }
    return new RawSplit(file, cases, header.classLabels);
  }

  /** Parses one header line; returns true for {@code @data}. */
  private static boolean parseTag(Path file, int line, String t, Header h) throws TscFormatException {
    String[] words = t.split("\\s+");
    String tag = words[0].toLowerCase(Locale.ROOT);
    if (!TAGS.contains(tag)) {
      throw new TscFormatException(file, line, "unknown header tag " + words[0]);
    }
    String key = tag.equals("@dimension") ? "@dimensions" : tag;
    Integer previous = h.tagLines.putIfAbsent(key, line);
    if (previous != null) {
      throw new TscFormatException(file, line, words[0] + " appears twice (first on line " + previous + ")");
    }
    switch (key) {
      case "@data" -> {
        if (h.classLabels == null) {
          throw new TscFormatException(file, line, "@data before @classLabel: the class labels must be declared");
        }
        return true;
      }
      case "@problemname" -> requireValue(file, line, words);
      case "@timestamps" -> {
        if (bool(file, line, words)) {
          throw new TscFormatException(file, line, "time-stamped series (@timeStamps true) are not supported");
        }
      }
      case "@missing" -> h.missing = bool(file, line, words);
      case "@univariate" -> h.univariate = bool(file, line, words);
      case "@dimensions" -> {
        h.dimensions = positiveInt(file, line, words);
        if (Boolean.TRUE.equals(h.univariate) && h.dimensions != 1) {
          throw new TscFormatException(file, line, "@dimensions " + h.dimensions + " contradicts @univariate true");
        }
      }
      case "@equallength" -> h.equalLength = bool(file, line, words);
      case "@serieslength" -> h.seriesLength = positiveInt(file, line, words);
      case "@targetlabel" -> throw new TscFormatException(file, line,
          "regression file (@targetLabel): a classifier needs @classLabel true <labels>");
      case "@classlabel" -> {
        if (!bool(file, line, words)) {
          throw new TscFormatException(file, line, "@classLabel false: unlabelled data cannot train a classifier");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 2; i < words.length; i++) {
          if (!labels.add(Labels.canonical(words[i]))) {
            throw new TscFormatException(file, line, "class label '" + words[i] + "' declared twice");
          }
        }
        if (labels.isEmpty()) {
          throw new TscFormatException(file, line, "@classLabel true without any label");
        }
        h.classLabels = List.copyOf(labels);
        h.classLabelLine = line;
      }
      default -> throw new IllegalStateException(key);
    }
    return false;
  }

  private static RawSeries parseCase(Path file, int line, String t, Header h) throws TscFormatException {
    String[] parts = t.split(":", -1);
    if (parts.length < 2) {
      throw new TscFormatException(file, line, "expected <values>:<label>, found no ':'");
    }
    String label = Labels.canonical(parts[parts.length - 1]);
    if (label.isEmpty()) {
      throw new TscFormatException(file, line, "missing class label after the last ':'");
    }
    if (!h.classLabels.contains(label)) {
      throw new TscFormatException(file, line, "class label '" + label + "' is not declared in @classLabel (line "
          + h.classLabelLine + ")");
    }
    double[][] channels = new double[parts.length - 1][];
    for (int d = 0; d < channels.length; d++) {
      String dimension = parts[d].strip();
      if (dimension.isEmpty()) {
        throw new TscFormatException(file, line, "dimension " + (d + 1) + " has no values");
      }
      String[] values = dimension.split(",", -1);
      double[] series = new double[values.length];
      boolean any = false;
      for (int i = 0; i < values.length; i++) {
        String v = values[i].strip();
        if (v.equals("?") || v.equalsIgnoreCase("nan")) {
          if (Boolean.FALSE.equals(h.missing)) {
            throw new TscFormatException(file, line, "missing value '?' in dimension " + (d + 1)
                + " but the header says @missing false");
          }
          series[i] = Double.NaN;
        } else {
          series[i] = UcrTsvReader.parseValue(file, line, i + 1, v);
          any = true;
        }
      }
      if (!any) {
        throw new TscFormatException(file, line, "dimension " + (d + 1) + " has only missing values");
      }
      channels[d] = series;
    }
    return new RawSeries(label, channels, line);
  }

  private static boolean bool(Path file, int line, String[] words) throws TscFormatException {
    String v = requireValue(file, line, words).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new TscFormatException(file, line, words[0] + " must be true or false, found '" + words[1] + "'");
    }
    return v.equals("true");
  }

  private static int positiveInt(Path file, int line, String[] words) throws TscFormatException {
    String v = requireValue(file, line, words);
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TscFormatException(file, line, words[0] + " must be a positive integer, found '" + v + "'");
  }

  private static String requireValue(Path file, int line, String[] words) throws TscFormatException {
    if (words.length < 2) {
      throw new TscFormatException(file, line, words[0] + " needs a value");
    }
    return words[1];
  }
}

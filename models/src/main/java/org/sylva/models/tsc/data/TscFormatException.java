package org.sylva.models.tsc.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A time-series archive file that cannot be read as it should. The message always names the file and,
 * when the problem is on a line, the line number: {@code CBF_TRAIN.tsv:17: 127 values, expected 128 as on
 * line 1}.
 */
public final class TscFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final Path file;
  private final int line;

  /** A problem on a given (1-based) line of {@code file}. */
  public TscFormatException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** A problem with the whole file (no line to point at), e.g. a missing {@code @data} section. */
  public TscFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.line = 0;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}

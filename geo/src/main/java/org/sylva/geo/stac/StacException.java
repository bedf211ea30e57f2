package org.sylva.geo.stac;

import java.io.IOException;
import java.nio.file.Path;

/** A STAC document that cannot be used; the message names the file (or item) and the problem on one line. */
public class StacException extends IOException {
  private static final long serialVersionUID = 1L;

  public StacException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public StacException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}

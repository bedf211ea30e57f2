package org.sylva.geo.gedi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A GEDI granule that cannot be used, with a one-line message naming the file and the problem, e.g.
 * {@code "GEDI02_A_2020.h5: BEAM0101 has no dataset 'rh'"}.
 */
public class GediFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public GediFormatException(Path file, String problem) {
    super(file.getFileName() + ": " + problem);
  }

  public GediFormatException(Path file, String problem, Throwable cause) {
    super(file.getFileName() + ": " + problem, cause);
  }
}

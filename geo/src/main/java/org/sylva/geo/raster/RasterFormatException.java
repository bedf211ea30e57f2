package org.sylva.geo.raster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A raster file that cannot be used, with a one-line message naming the file and the problem, e.g.
 * {@code "scene/B04.tif: unsupported compression JPEG (7); use Deflate, LZW or none"}.
 */
public class RasterFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public RasterFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public RasterFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}

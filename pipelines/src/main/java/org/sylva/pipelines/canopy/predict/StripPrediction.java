package org.sylva.pipelines.canopy.predict;

import java.io.Serializable;
import java.nio.file.Path;

/** A predicted strip on disk: raw little-endian float32, {@code bands × rows × width}, heights in metres. */
public record StripPrediction(MapStrip strip, String file, int width, int bands) implements Serializable {

  public Path path() {
    return Path.of(file);
  }
}

package org.sylva.pipelines.canopy.predict;

import java.io.Serializable;
import java.nio.file.Path;

/** The written map: COG, STAC item and quick-look paths, and the selection that made it. */
public record CanopyMap(String map, String stacItem, String quicklook, MapFormat format, boolean uncertaintyBand,
    Selection selection) implements Serializable {

  public Path mapPath() {
    return Path.of(map);
  }
}

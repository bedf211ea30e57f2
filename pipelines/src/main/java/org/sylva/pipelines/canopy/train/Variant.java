package org.sylva.pipelines.canopy.train;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One input variant of the study: a name (used as the folder name of its model), a description and the
 * feature bands the network sees, in order (composite bands such as {@code B04} or {@code VV}, or indices
 * such as {@code NDVI}).
 */
public record Variant(String name, String description, List<String> bands) implements Serializable {

  public Variant {
    Objects.requireNonNull(name, "variant name");
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("variant name '" + name + "' must be lower-case letters, digits, '_' or '-'");
    }
    description = description == null ? "" : description;
    if (bands == null || bands.isEmpty()) {
      throw new IllegalArgumentException("variant " + name + " lists no bands");
    }
    bands = List.copyOf(bands);
    if (bands.stream().distinct().count() != bands.size()) {
      throw new IllegalArgumentException("variant " + name + " lists a band twice: " + bands);
    }
  }
}

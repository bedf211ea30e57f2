package org.sylva.geo.stac;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A STAC Item: id, collection, acquisition time ({@code properties.datetime}, or the middle of
 * {@code start_datetime}/{@code end_datetime}), the raw {@code properties} and the assets in document order.
 * {@code file} is the JSON the item was read from (hrefs were resolved against it).
 */
public record StacItem(String id, Optional<String> collection, Instant datetime, JsonNode properties,
    Map<String, StacAsset> assets, Path file) {

  public StacItem {
    assets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assets));
  }
}

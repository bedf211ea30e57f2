package org.sylva.geo.stac;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One asset of a STAC item. {@code localPath} is the resolved file for relative, absolute and
 * {@code file:} hrefs (always inside the catalog root); {@code remote} is set instead for http(s)/s3 hrefs.
 * {@code eoBands} are the {@code eo:bands} entries (name, common name), {@code rasterBands} the raw
 * {@code raster:bands} array (missing node when absent).
 */
public record StacAsset(String key, String href, Optional<Path> localPath, Optional<URI> remote, String mediaType,
    List<String> roles, List<EoBand> eoBands, JsonNode rasterBands) {

  /** An {@code eo:bands} entry. */
  public record EoBand(String name, String commonName) {}

  public StacAsset {
    roles = List.copyOf(roles);
    eoBands = List.copyOf(eoBands);
  }

  /** Whether the asset is a JPEG 2000 file (SAFE products, Earth Search "-jp2" twins), by media type or name. */
  public boolean isJpeg2000() {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.contains("jp2") || href.toLowerCase(Locale.ROOT).endsWith(".jp2");
  }

  /** Whether the asset is a GeoTIFF/COG by media type or file extension. */
  public boolean isGeoTiff() {
    String type = mediaType.toLowerCase(Locale.ROOT);
    String name = href.toLowerCase(Locale.ROOT);
    return type.contains("tiff") || name.endsWith(".tif") || name.endsWith(".tiff");
  }
}

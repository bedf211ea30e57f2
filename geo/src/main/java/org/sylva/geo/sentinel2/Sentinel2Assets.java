package org.sylva.geo.sentinel2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sylva.geo.stac.StacAsset;
import org.sylva.geo.stac.StacException;
import org.sylva.geo.stac.StacItem;

/**
 * Finds the asset of each Sentinel-2 band in a STAC item, whatever the provider's conventions:
 * <ul>
 *   <li>{@code eo:bands} first: a single-band asset whose band name ("B04", or Earth Search v1's "red") or
 *       unique common name ("red", "nir08") identifies the band;</li>
 *   <li>else the asset key: Planetary Computer / Earth Search v0 ({@code B02 … B12, B8A, SCL}), Earth Search
 *       v1 ({@code blue, green, red, rededge1-3, nir, nir08, swir16, swir22, scl}), Copernicus Data Space
 *       ({@code B02_10m}, {@code SCL_20m}).</li>
 * </ul>
 * When several assets map to one band (Earth Search's {@code red} and {@code red-jp2}; CDSE's
 * {@code B02_10m}/{@code B02_20m}/{@code B02_60m}), GeoTIFF beats JPEG 2000 and the native resolution beats
 * resampled ones; remaining ties go to the first asset in document order. Multi-band assets (visual/TCI),
 * thumbnails and metadata are ignored.
 */
public final class Sentinel2Assets {

  private static final Pattern RESOLUTION_SUFFIX = Pattern.compile("^(.*?)[_-](\\d{2})m$");

  private Sentinel2Assets() {}

  /** The asset of every wanted band; a missing band is an error naming the item and the band. */
  public static Map<Sentinel2Band, StacAsset> map(StacItem item, Collection<Sentinel2Band> wanted) throws StacException {
    Map<Sentinel2Band, List<Candidate>> candidates = new EnumMap<>(Sentinel2Band.class);
    for (StacAsset asset : item.assets().values()) {
      bandOf(asset).ifPresent(c -> candidates.computeIfAbsent(c.band, b -> new ArrayList<>()).add(c));
    }
    Map<Sentinel2Band, StacAsset> out = new EnumMap<>(Sentinel2Band.class);
    for (Sentinel2Band band : wanted) {
      List<Candidate> list = candidates.get(band);
      if (list == null) {
        throw new StacException(item.file(), "item " + item.id() + " has no asset for band " + band
            + " (assets: " + String.join(", ", item.assets().keySet()) + ")");
      }
      out.put(band, list.stream().min(Comparator.comparingInt(Candidate::rank)).orElseThrow().asset);
    }
    return out;
  }

  private record Candidate(Sentinel2Band band, StacAsset asset, int rank) {}

  private static Optional<Candidate> bandOf(StacAsset asset) {
    if (asset.roles().contains("thumbnail") || asset.roles().contains("metadata") || asset.eoBands().size() > 1) {
      return Optional.empty();
    }
    String key = asset.key().toLowerCase(Locale.ROOT);
    boolean jp2Key = key.endsWith("-jp2");
    if (jp2Key) {
      key = key.substring(0, key.length() - 4);
    }
    Integer resolution = null;
    Matcher m = RESOLUTION_SUFFIX.matcher(key);
    if (m.matches()) {
      key = m.group(1);
      resolution = Integer.parseInt(m.group(2));
    }
    Optional<Sentinel2Band> band = Optional.empty();
    if (asset.eoBands().size() == 1) {
      StacAsset.EoBand eo = asset.eoBands().get(0);
      band = Optional.ofNullable(eo.name()).flatMap(Sentinel2Band::fromId)
          .or(() -> Optional.ofNullable(eo.name()).flatMap(Sentinel2Band::fromCommonName))
          .or(() -> Optional.ofNullable(eo.commonName()).flatMap(Sentinel2Band::fromCommonName));
    }
    if (band.isEmpty()) {
      String bareKey = key;
      band = Sentinel2Band.fromId(bareKey).or(() -> Sentinel2Band.fromCommonName(bareKey));
    }
    if (band.isEmpty()) {
      return Optional.empty();
    }
    int rank = 0;
    if (jp2Key || asset.isJpeg2000()) {
      rank += 4;
    } else if (!asset.isGeoTiff()) {
      rank += 2;
    }
    if (resolution != null && resolution != band.get().resolutionMetres()) {
      rank += 1;
    }
    return Optional.of(new Candidate(band.get(), asset, rank));
  }
}

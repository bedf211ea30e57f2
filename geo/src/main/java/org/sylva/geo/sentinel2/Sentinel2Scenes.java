package org.sylva.geo.sentinel2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.sylva.geo.composite.RasterOpener;
import org.sylva.geo.raster.RasterFormatException;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.stac.StacAsset;
import org.sylva.geo.stac.StacException;
import org.sylva.geo.stac.StacItem;

/**
 * Builds {@link Sentinel2Scene}s from STAC items or band-file folders: picks the band assets, opens them
 * with a {@link RasterOpener} (the GeoTIFF reader) and decides the BOA offset per item. Each GeoTIFF's own
 * geotransform is used; {@code proj:transform} of the item is not trusted (it may describe another
 * resolution than the file).
 */
public final class Sentinel2Scenes {

  private final RasterOpener opener;
  private final BoaOffsetRule offsetRule;

  public Sentinel2Scenes(RasterOpener opener, BoaOffsetRule offsetRule) {
    this.opener = opener;
    this.offsetRule = offsetRule;
  }

  public Sentinel2Scene fromItem(StacItem item, Collection<Sentinel2Band> bands) throws IOException {
    EnumSet<Sentinel2Band> wanted = EnumSet.copyOf(bands);
    wanted.add(Sentinel2Band.SCL);
    Map<Sentinel2Band, StacAsset> assets = Sentinel2Assets.map(item, wanted);
    BoaOffset offset;
    try {
      offset = offsetRule.decide(item.id(), item.properties(), item.id());
    } catch (IllegalArgumentException e) {
      throw new StacException(item.file(), e.getMessage(), e);
    }
    Map<Sentinel2Band, RasterSource> sources = new EnumMap<>(Sentinel2Band.class);
    RasterSource scl = null;
    for (var entry : assets.entrySet()) {
      StacAsset asset = entry.getValue();
      if (asset.localPath().isEmpty()) {
        throw new StacException(item.file(), "item " + item.id() + " asset " + asset.key() + " is remote (" + asset.href()
            + "); download the assets and point Sylva to the local catalog");
      }
      if (asset.isJpeg2000()) {
        throw new StacException(item.file(), "item " + item.id() + " asset " + asset.key()
            + " is JPEG 2000, which Sylva does not read; convert it, e.g. gdal_translate -of COG in.jp2 out.tif");
      }
      RasterSource source = opener.open(asset.localPath().get());
      if (entry.getKey() == Sentinel2Band.SCL) {
        scl = source;
      } else {
        sources.put(entry.getKey(), source);
      }
    }
    return new Sentinel2Scene(item.id(), item.datetime(), sources, scl, offset);
  }

  public Sentinel2Scene fromFolder(Sentinel2Folder.Acquisition acquisition, Collection<Sentinel2Band> bands)
      throws IOException {
    Map<Sentinel2Band, RasterSource> sources = new EnumMap<>(Sentinel2Band.class);
    for (Sentinel2Band band : bands) {
      sources.put(band, opener.open(require(acquisition, band)));
    }
    RasterSource scl = opener.open(require(acquisition, Sentinel2Band.SCL));
    var properties = JsonNodeFactory.instance.objectNode();
    acquisition.baseline().ifPresent(b -> properties.put("s2:processing_baseline", b.toString()));
    BoaOffset offset = offsetRule.decide(acquisition.id(), properties, null);
    return new Sentinel2Scene(acquisition.id(), acquisition.time(), sources, scl, offset);
  }

  private static Path require(Sentinel2Folder.Acquisition acquisition, Sentinel2Band band) throws RasterFormatException {
    Path file = acquisition.files().get(band);
    if (file == null) {
      Path any = acquisition.files().values().iterator().next();
      throw new RasterFormatException(any.getParent(), "acquisition " + acquisition.id() + " has no " + band
          + " file (found " + acquisition.files().keySet() + ")");
    }
    return file;
  }
}

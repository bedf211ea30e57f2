package org.sylva.geo.sentinel1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sylva.geo.composite.RasterOpener;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.stac.StacAsset;
import org.sylva.geo.stac.StacException;
import org.sylva.geo.stac.StacItem;

/**
 * Builds {@link Sentinel1Scene}s from STAC items (Planetary Computer {@code sentinel-1-rtc}: assets {@code vv},
 * {@code vh}) or folder acquisitions: opens VV and VH with a {@link RasterOpener}, rejects raw GRD products
 * and decides the scale: the option if set, else a unit in the asset's {@code raster:bands} or the GeoTIFF's
 * band metadata, else the values ({@link BackscatterScaleDetector}).
 */
public final class Sentinel1Scenes {

  private final RasterOpener opener;
  private final Optional<BackscatterScale> scaleOverride;

  public Sentinel1Scenes(RasterOpener opener, Optional<BackscatterScale> scaleOverride) {
    this.opener = opener;
    this.scaleOverride = scaleOverride;
  }

  public Sentinel1Scene fromItem(StacItem item) throws IOException {
    Sentinel1Scene.requireTerrainCorrected(item.file() + ": item " + item.id(), item.collection().orElse(null),
        item.properties().path("sar:product_type").asText(null));
    StacAsset vvAsset = asset(item, Polarization.VV);
    StacAsset vhAsset = asset(item, Polarization.VH);
    RasterSource vv = open(item, vvAsset);
    RasterSource vh = open(item, vhAsset);
    Optional<BackscatterScale> fromMetadata = BackscatterScaleDetector.fromRasterBands(vvAsset.rasterBands())
        .or(() -> fileUnit(vv));
    return new Sentinel1Scene(item.id(), item.datetime(), vv, vh, scale(item.id(), fromMetadata, vv));
  }

  public Sentinel1Scene fromFolder(Sentinel1Folder.Acquisition acquisition) throws IOException {
    Path vvFile = acquisition.file(Polarization.VV);
    Path vhFile = acquisition.file(Polarization.VH);
    RasterSource vv = opener.open(vvFile);
    RasterSource vh = opener.open(vhFile);
    Sentinel1Scene.requireTerrainCorrected(vvFile.toString(), vv);
    Sentinel1Scene.requireTerrainCorrected(vhFile.toString(), vh);
    return new Sentinel1Scene(acquisition.id(), acquisition.time(), vv, vh,
        scale(vvFile.toString(), fileUnit(vv), vv));
  }

  private BackscatterScale scale(String name, Optional<BackscatterScale> fromMetadata, RasterSource vv) throws IOException {
    if (scaleOverride.isPresent()) {
      return scaleOverride.get();
    }
    return BackscatterScaleDetector.detect(name, fromMetadata, vv);
  }

  private RasterSource open(StacItem item, StacAsset asset) throws IOException {
    if (asset.localPath().isEmpty()) {
      throw new StacException(item.file(), "item " + item.id() + " asset " + asset.key() + " is remote (" + asset.href()
          + "); download the assets and point Sylva to the local catalog");
    }
    RasterSource source = opener.open(asset.localPath().get());
    Sentinel1Scene.requireTerrainCorrected(asset.localPath().get().toString(), source);
    return source;
  }

  /** The asset of a polarisation: key {@code vv}/{@code VV}, or a key with such a token ({@code iw-vv}). */
  private static StacAsset asset(StacItem item, Polarization polarization) throws StacException {
    String wanted = polarization.name().toLowerCase(Locale.ROOT);
    for (StacAsset asset : item.assets().values()) {
      for (String token : asset.key().toLowerCase(Locale.ROOT).split("[_.\\-]")) {
        if (token.equals(wanted) && !asset.roles().contains("thumbnail") && !asset.roles().contains("metadata")) {
          return asset;
        }
      }
    }
    throw new StacException(item.file(), "item " + item.id() + " has no " + polarization + " asset (assets: "
        + String.join(", ", item.assets().keySet()) + ")");
  }

  private static Optional<BackscatterScale> fileUnit(RasterSource source) {
    if (source instanceof GeoTiffReader reader) {
      return reader.bandMetadata().get(0).unit().flatMap(BackscatterScaleDetector::fromUnit);
    }
    return Optional.empty();
  }
}

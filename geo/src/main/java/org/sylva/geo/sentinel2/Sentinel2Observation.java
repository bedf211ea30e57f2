package org.sylva.geo.sentinel2;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sylva.geo.composite.BandSampler;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ObservationTile;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;

/**
 * A Sentinel-2 scene as compositor input: SCL is resampled by nearest neighbour onto the tile and masks
 * the classes of the {@link SclMask}; each band is resampled bilinearly (20 m → 10 m) and converted to
 * surface reflectance with the scene's {@link BoaOffset}. DN 0 is nodata in every band (the L2A
 * convention), whether or not the file declares it, so it never enters the interpolation or the mean.
 * Reflectance is not clipped: dark water can be slightly negative after the offset, as in ESA's products.
 */
public final class Sentinel2Observation implements Observation {

  private final Sentinel2Scene scene;
  private final List<Sentinel2Band> bands;
  private final SclMask mask;
  private final BandSampler sampler;

  public Sentinel2Observation(Sentinel2Scene scene, List<Sentinel2Band> bands, SclMask mask, BandSampler sampler) {
    for (Sentinel2Band band : bands) {
      if (!band.isReflectance()) {
        throw new IllegalArgumentException("SCL is a mask, not a composite band");
      }
      scene.band(band); // fails early, naming the scene, when a band is missing
    }
    this.scene = scene;
    this.bands = List.copyOf(bands);
    this.mask = mask;
    this.sampler = sampler;
  }

  @Override
  public String id() {
    return scene.id();
  }

  @Override
  public Instant time() {
    return scene.time();
  }

  @Override
  public List<String> bandNames() {
    return bands.stream().map(Sentinel2Band::name).toList();
  }

  @Override
  public ObservationTile read(GridGeometry tile) throws IOException {
    float[] scl = sampler.sample(scene.scl(), 0, tile, true);
    boolean[] valid = new boolean[scl.length];
    for (int i = 0; i < scl.length; i++) {
      valid[i] = mask.isClear(scl[i]);
    }
    return new ObservationTile() {
      @Override
      public boolean[] valid() {
        return valid;
      }

      @Override
      public float[] band(int index) throws IOException {
        RasterSource dn = NodataZero.wrap(scene.band(bands.get(index)));
        float[] values = sampler.sample(dn, 0, tile, false);
        BoaOffset offset = scene.boaOffset();
        for (int i = 0; i < values.length; i++) {
          values[i] = Float.isNaN(values[i]) ? Float.NaN : offset.reflectance(values[i]);
        }
        return values;
      }
    };
  }
}

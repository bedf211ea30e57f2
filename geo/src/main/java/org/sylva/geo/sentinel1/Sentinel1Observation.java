package org.sylva.geo.sentinel1;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sylva.geo.composite.BandSampler;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ObservationTile;
import org.sylva.geo.raster.GridGeometry;

/**
 * A Sentinel-1 scene as compositor input, in <b>linear power</b>: dB input is converted before averaging
 * (the mean of dB values is the log of a geometric mean, biased low under speckle). VV and VH are
 * resampled bilinearly onto the tile; a pixel is valid when both are finite and positive (≤ 0 is the
 * nodata/border fill of RTC products). {@link Sentinel1Finisher} turns the statistics back into dB.
 */
public final class Sentinel1Observation implements Observation {

  private final Sentinel1Scene scene;
  private final BandSampler sampler;

  public Sentinel1Observation(Sentinel1Scene scene, BandSampler sampler) {
    this.scene = scene;
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
    return List.of(Polarization.VV.name(), Polarization.VH.name());
  }

  @Override
  public ObservationTile read(GridGeometry tile) throws IOException {
    float[] vv = linear(Polarization.VV, tile);
    float[] vh = linear(Polarization.VH, tile);
    boolean[] valid = new boolean[vv.length];
    for (int i = 0; i < vv.length; i++) {
      valid[i] = vv[i] > 0 && vh[i] > 0 && Float.isFinite(vv[i]) && Float.isFinite(vh[i]);
    }
    return new ObservationTile() {
      @Override
      public boolean[] valid() {
        return valid;
      }

      @Override
      public float[] band(int index) {
        return index == 0 ? vv : vh;
      }
    };
  }

  private float[] linear(Polarization polarization, GridGeometry tile) throws IOException {
    return sampler.sample(LinearPowerSource.of(scene.source(polarization), scene.scale()), 0, tile, false);
  }
}

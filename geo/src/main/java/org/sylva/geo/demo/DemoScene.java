package org.sylva.geo.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.sis.referencing.CRS;
import org.opengis.util.FactoryException;
import org.sylva.geo.gedi.GediBeamData;
import org.sylva.geo.raster.ArrayRasterSource;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.sentinel1.BackscatterScale;
import org.sylva.geo.sentinel1.Sentinel1Scene;
import org.sylva.geo.sentinel2.BoaOffsetRule;
import org.sylva.geo.sentinel2.Sentinel2Band;
import org.sylva.geo.sentinel2.Sentinel2Scene;

/**
 * A deterministic synthetic Landes-like scene: the hidden truth ({@link #landscape()}: canopy height,
 * cover) and what sensors would see of it — Sentinel-2 L2A DN per band per date with SCL, Sentinel-1 RTC
 * VV/VH per date, GEDI L2A granules. Same spec (seed included) ⇒ identical arrays. The landscape is made
 * once; sensor dates are generated on demand (each from its own random stream) so a writer can stream
 * them to files without holding all dates: one S2 date of the 2000² scene is ~90 MB of float arrays, one
 * S1 date ~32 MB.
 */
public final class DemoScene {

  /** STAC properties the demo's Sentinel-2 items carry (baseline ≥ 04.00: DN include the +1000 offset). */
  public static final String PROCESSING_BASELINE = "05.09";

  private final DemoSceneSpec spec;
  private final GridGeometry grid;
  private final GridGeometry grid20m;
  private final ForestLandscape landscape;
  private final List<Instant> s2Dates;
  private final double[] s2CloudShare;
  private final List<Instant> s1Dates;

  private DemoScene(DemoSceneSpec spec) {
    this.spec = spec;
    try {
      var utm30n = CRS.forCode("EPSG:32630");
      this.grid = new GridGeometry(utm30n, GeoTransform.northUp(spec.originX(), spec.originY(), 10, 10),
          spec.width(), spec.height());
      this.grid20m = new GridGeometry(utm30n, GeoTransform.northUp(spec.originX(), spec.originY(), 20, 20),
          spec.width() / 2, spec.height() / 2);
    } catch (FactoryException e) {
      throw new IllegalStateException("EPSG:32630 unavailable: " + e.getMessage(), e);
    }
    this.landscape = ForestLandscape.generate(spec);
    SplittableRandom random = Seeds.random(spec.seed(), "dates", 0);
    this.s2Dates = new ArrayList<>();
    this.s2CloudShare = new double[spec.sentinel2Dates()];
    long yearSeconds = Duration.between(spec.yearStart(), spec.yearEnd()).getSeconds();
    for (int i = 0; i < spec.sentinel2Dates(); i++) {
      // Spread over the year (one per month for 12) at the 10:56 UTC overpass of tile 30TXQ.
      long day = (long) ((i + 0.2 + 0.6 * random.nextDouble()) / spec.sentinel2Dates() * (yearSeconds / 86400));
      s2Dates.add(spec.yearStart().plusSeconds(day * 86400 + 10 * 3600 + 56 * 60));
      // About a quarter of the dates mostly cloudy, the others between clear and a third clouded.
      double u = random.nextDouble();
      s2CloudShare[i] = u < 0.25 ? 0.6 + 0.35 * random.nextDouble() : u < 0.45 ? 0 : 0.35 * random.nextDouble();
    }
    this.s1Dates = new ArrayList<>();
    for (int i = 0; i < spec.sentinel1Dates(); i++) {
      long seconds = (long) ((i + 0.5) / spec.sentinel1Dates() * yearSeconds);
      s1Dates.add(spec.yearStart().plusSeconds(seconds / 86400 * 86400 + 6 * 3600 + 20 * 60));
    }
  }

  public static DemoScene generate(DemoSceneSpec spec) {
    return new DemoScene(spec);
  }

  public DemoSceneSpec spec() {
    return spec;
  }

  /** The 10 m grid of the scene (EPSG:32630). */
  public GridGeometry grid() {
    return grid;
  }

  /** The 20 m grid of Sentinel-2's 20 m bands and SCL (same origin). */
  public GridGeometry grid20m() {
    return grid20m;
  }

  public ForestLandscape landscape() {
    return landscape;
  }

  /** True canopy height as a one-band float32 raster on the 10 m grid (metres, no nodata). */
  public RasterSource trueHeight() {
    return ArrayRasterSource.of("canopy_height", grid, DataType.FLOAT32, OptionalDouble.empty(), landscape.canopyHeight());
  }

  public List<Instant> sentinel2Dates() {
    return List.copyOf(s2Dates);
  }

  public List<Instant> sentinel1Dates() {
    return List.copyOf(s1Dates);
  }

  /** One Sentinel-2 acquisition: DN bands (uint16 values, nodata 0), SCL, STAC-like properties. */
  public record Sentinel2Date(String id, Instant time, Map<Sentinel2Band, RasterSource> bands, RasterSource scl,
      ObjectNode properties, double cloudShare) {

    /** As compositor input, with the BOA offset decided from the properties like for a real STAC item. */
    public Sentinel2Scene toScene() {
      Map<Sentinel2Band, RasterSource> reflectance = new EnumMap<>(bands);
      return new Sentinel2Scene(id, time, reflectance, scl, BoaOffsetRule.fromMetadata().decide(id, properties, id));
    }
  }

  public Sentinel2Date sentinel2(int index) {
    Instant time = s2Dates.get(index);
    Sentinel2Simulator.Arrays arrays = Sentinel2Simulator.simulate(landscape, spec.seed(), index, time, s2CloudShare[index]);
    Map<Sentinel2Band, RasterSource> bands = new EnumMap<>(Sentinel2Band.class);
    for (var entry : arrays.bands().entrySet()) {
      Sentinel2Band band = entry.getKey();
      bands.put(band, ArrayRasterSource.of(band.name(), band.resolutionMetres() == 10 ? grid : grid20m, DataType.UINT16,
          OptionalDouble.of(0), entry.getValue()));
    }
    String id = sentinel2Id(time);
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    properties.put("datetime", time.toString());
    properties.put("s2:processing_baseline", PROCESSING_BASELINE);
    properties.put("s2:mgrs_tile", "30TXQ");
    properties.put("eo:cloud_cover", Math.round(arrays.cloudShare() * 1000) / 10.0);
    RasterSource scl = ArrayRasterSource.of("SCL", grid20m, DataType.UINT8, OptionalDouble.of(0), arrays.scl());
    return new Sentinel2Date(id, time, bands, scl, properties, arrays.cloudShare());
  }

  /** One Sentinel-1 RTC acquisition: VV, VH linear γ0 float32 on the 10 m grid. */
  public Sentinel1Scene sentinel1(int index) {
    Instant time = s1Dates.get(index);
    Sentinel1Simulator.Arrays arrays = Sentinel1Simulator.simulate(landscape, spec.seed(), index);
    String id = sentinel1Id(time);
    return new Sentinel1Scene(id, time,
        ArrayRasterSource.of("VV", grid, DataType.FLOAT32, OptionalDouble.empty(), arrays.vv()),
        ArrayRasterSource.of("VH", grid, DataType.FLOAT32, OptionalDouble.empty(), arrays.vh()),
        BackscatterScale.LINEAR_POWER);
  }

  /** A GEDI L2A granule: its file name in NASA's V002 pattern and its beams in the GEDI02_A layout. */
  public record GediGranule(String fileName, List<GediBeamData> beams) {
    public int shots() {
      return beams.stream().mapToInt(GediBeamData::size).sum();
    }
  }

  /** All GEDI granules over the scene (computed on each call; deterministic). */
  public List<GediGranule> gedi() {
    return GediSimulator.simulate(spec, landscape, grid).stream()
        .map(g -> new GediGranule(g.fileName(), g.beams())).toList();
  }

  /** The STAC item id of the Sentinel-2 acquisition at {@code time} (SAFE-style, baseline in the name). */
  public static String sentinel2Id(Instant time) {
    return "S2B_MSIL2A_" + compact(time) + "_N0509_R051_T30TXQ";
  }

  /** The STAC item id of the Sentinel-1 RTC acquisition at {@code time}. */
  public static String sentinel1Id(Instant time) {
    return "S1A_IW_GRDH_1SDV_" + compact(time) + "_rtc";
  }

  private static String compact(Instant time) {
    return time.toString().replace("-", "").replace(":", "").replace("Z", "").substring(0, 15);
  }
}

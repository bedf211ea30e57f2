package org.sylva.geo.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.stac.StacAsset;
import org.sylva.geo.stac.StacException;
import org.sylva.geo.stac.StacFixtures;
import org.sylva.geo.stac.StacItem;
import org.sylva.geo.stac.StacReader;

class Sentinel2AssetsTest {

  static final EnumSet<Sentinel2Band> ALL = EnumSet.allOf(Sentinel2Band.class);

  @TempDir Path dir;

  @Test
  void planetaryComputerKeys() throws Exception {
    StacItem item = StacReader.readItem(StacFixtures.write(dir.resolve("pc.json"), StacFixtures.planetaryComputer("pc", "05.09")));
    Map<Sentinel2Band, StacAsset> map = Sentinel2Assets.map(item, ALL);
    for (Sentinel2Band band : ALL) {
      assertThat(map.get(band).key()).isEqualTo(band.name());
    }
  }

  @Test
  void earthSearchV1CommonNamesPreferGeoTiffOverJp2Twins() throws Exception {
    StacItem item = StacReader.readItem(StacFixtures.write(dir.resolve("es.json"), StacFixtures.earthSearchV1("es", true)));
    Map<Sentinel2Band, StacAsset> map = Sentinel2Assets.map(item, ALL);
    assertThat(map.get(Sentinel2Band.B02).key()).isEqualTo("blue");
    assertThat(map.get(Sentinel2Band.B04).key()).isEqualTo("red");
    assertThat(map.get(Sentinel2Band.B05).key()).isEqualTo("rededge1");
    assertThat(map.get(Sentinel2Band.B07).key()).isEqualTo("rededge3");
    assertThat(map.get(Sentinel2Band.B08).key()).isEqualTo("nir");
    assertThat(map.get(Sentinel2Band.B8A).key()).isEqualTo("nir08");
    assertThat(map.get(Sentinel2Band.B11).key()).isEqualTo("swir16");
    assertThat(map.get(Sentinel2Band.B12).key()).isEqualTo("swir22");
    assertThat(map.get(Sentinel2Band.SCL).key()).isEqualTo("scl");
    assertThat(map.values()).allSatisfy(a -> assertThat(a.isGeoTiff()).isTrue());
  }

  @Test
  void copernicusDataSpacePicksNativeResolution() throws Exception {
    StacItem item = StacReader.readItem(StacFixtures.write(dir.resolve("cdse.json"), StacFixtures.copernicusDataSpace("cdse")));
    Map<Sentinel2Band, StacAsset> map = Sentinel2Assets.map(item, ALL);
    assertThat(map.get(Sentinel2Band.B02).key()).isEqualTo("B02_10m");
    assertThat(map.get(Sentinel2Band.B08).key()).isEqualTo("B08_10m");
    assertThat(map.get(Sentinel2Band.B05).key()).isEqualTo("B05_20m");
    assertThat(map.get(Sentinel2Band.B12).key()).isEqualTo("B12_20m");
    assertThat(map.get(Sentinel2Band.SCL).key()).isEqualTo("SCL_20m");
  }

  @Test
  void missingBandNamesItemAndBand() throws Exception {
    String json = StacFixtures.planetaryComputer("S2A_MISSING", "05.09").replaceAll("(?s)\"B8A\": \\{.*?\\]\\},", "");
    StacItem item = StacReader.readItem(StacFixtures.write(dir.resolve("m.json"), json));
    assertThat(item.assets()).doesNotContainKey("B8A");
    assertThatThrownBy(() -> Sentinel2Assets.map(item, ALL)).isInstanceOf(StacException.class)
        .hasMessageContaining("m.json: item S2A_MISSING has no asset for band B8A (assets: B02, B03");
  }
}

package org.sylva.geo.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StacReaderTest {

  @TempDir Path dir;

  @Test
  void resolvesRelativeAbsoluteFileAndRemoteHrefs() throws Exception {
    Path item = StacFixtures.write(dir.resolve("items/S2B_30TXQ.json"), StacFixtures.planetaryComputer("S2B_30TXQ", "05.09")
        .replace("\"S2B_30TXQ/B03.tif\"", "\"" + dir.resolve("items/abs/B03.tif") + "\"")
        .replace("\"S2B_30TXQ/B05.tif\"", "\"" + dir.resolve("items/uri/B05.tif").toUri() + "\""));
    StacItem parsed = StacReader.readItem(item);
    assertThat(parsed.id()).isEqualTo("S2B_30TXQ");
    assertThat(parsed.collection()).contains("sentinel-2-l2a");
    assertThat(parsed.datetime()).isEqualTo(Instant.parse("2023-06-12T10:56:29.024Z"));
    assertThat(parsed.properties().path("s2:processing_baseline").asText()).isEqualTo("05.09");
    assertThat(parsed.assets().get("B04").localPath()).contains(dir.resolve("items/S2B_30TXQ/B04.tif"));
    assertThat(parsed.assets().get("B03").localPath()).contains(dir.resolve("items/abs/B03.tif"));
    assertThat(parsed.assets().get("B05").localPath()).contains(dir.resolve("items/uri/B05.tif"));
    assertThat(parsed.assets().get("preview").remote()).hasValueSatisfying(u -> assertThat(u.getScheme()).isEqualTo("https"));
  }

  @Test
  void hrefsEscapingTheCatalogRootAreRejected() throws Exception {
    String good = StacFixtures.planetaryComputer("item", "05.09");
    Path relative = StacFixtures.write(dir.resolve("cat/a/item.json"), good.replace("\"item/B04.tif\"", "\"../../secret/B04.tif\""));
    assertThatThrownBy(() -> StacReader.readItem(relative)).isInstanceOf(StacException.class)
        .hasMessageContaining("item item asset B04 href '../../secret/B04.tif' resolves outside the catalog root");
    Path absolute = StacFixtures.write(dir.resolve("cat/b/item.json"), good.replace("\"item/B04.tif\"", "\"/etc/passwd\""));
    assertThatThrownBy(() -> StacReader.readItem(absolute)).isInstanceOf(StacException.class)
        .hasMessageContaining("'/etc/passwd' resolves outside the catalog root");
    // A symbolic link inside the root that points outside it is refused as well.
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("B04.tif"), "x");
    Path linkDir = Files.createDirectories(dir.resolve("cat/c"));
    Files.createSymbolicLink(linkDir.resolve("link"), outside);
    Path linked = StacFixtures.write(linkDir.resolve("item.json"), good.replace("\"item/B04.tif\"", "\"link/B04.tif\""));
    assertThatThrownBy(() -> StacReader.readItem(linked)).isInstanceOf(StacException.class)
        .hasMessageContaining("resolves outside the catalog root");
    // Catalog links are held to the root of the catalog the user named.
    StacFixtures.write(dir.resolve("cat/d/catalog.json"), """
        {"type": "Catalog", "id": "c", "stac_version": "1.0.0", "description": "", "links": [
          {"rel": "item", "href": "../a/item.json"}]}""");
    assertThatThrownBy(() -> StacReader.readAll(dir.resolve("cat/d"))).isInstanceOf(StacException.class)
        .hasMessageContaining("link 'item' href '../a/item.json' resolves outside the catalog root");
  }

  @Test
  void followsCatalogChildAndItemLinksAndReadsItemCollections() throws Exception {
    StacFixtures.write(dir.resolve("root/catalog.json"), """
        {"type": "Catalog", "id": "root", "stac_version": "1.0.0", "description": "", "links": [
          {"rel": "self", "href": "./catalog.json"},
          {"rel": "child", "href": "./s2/collection.json"}]}""");
    StacFixtures.write(dir.resolve("root/s2/collection.json"), """
        {"type": "Collection", "id": "s2", "stac_version": "1.0.0", "description": "", "license": "proprietary",
         "extent": {}, "links": [
          {"rel": "root", "href": "../catalog.json"},
          {"rel": "item", "href": "./a/a.json"},
          {"rel": "item", "href": "./b/b.json"}]}""");
    StacFixtures.write(dir.resolve("root/s2/a/a.json"), StacFixtures.planetaryComputer("a", "04.00"));
    StacFixtures.write(dir.resolve("root/s2/b/b.json"), StacFixtures.earthSearchV1("b", true));
    List<StacItem> items = StacReader.readAll(dir.resolve("root"));
    assertThat(items).extracting(StacItem::id).containsExactly("a", "b");
    assertThat(items.get(1).assets().get("red").localPath()).contains(dir.resolve("root/s2/b/cog/red.tif"));

    Path search = StacFixtures.write(dir.resolve("search.json"), "{\"type\": \"FeatureCollection\", \"features\": ["
        + StacFixtures.planetaryComputer("x", "05.00") + "," + StacFixtures.copernicusDataSpace("y") + "]}");
    assertThat(StacReader.readAll(search)).extracting(StacItem::id).containsExactly("x", "y");
  }

  @Test
  void itemWithoutDatetimeIsAClearError() throws Exception {
    Path item = StacFixtures.write(dir.resolve("i.json"),
        StacFixtures.planetaryComputer("nodate", "05.09").replace("\"datetime\": \"2023-06-12T10:56:29.024000Z\",", ""));
    assertThatThrownBy(() -> StacReader.readItem(item)).isInstanceOf(StacException.class)
        .hasMessageEndingWith("i.json: item nodate has no properties.datetime (nor start_datetime/end_datetime)");
  }
}

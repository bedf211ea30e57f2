package org.sylva.pipelines.raster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.geotiff.Compression;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffProfile;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.testing.TestRasters;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

class RasterCommandTest {

  @TempDir Path dir;
  private Path stripped;
  private float[] pixels;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeAnUncompressedStrippedLikeFile() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(700, 500, 10);
    pixels = TestRasters.asType(TestRasters.terrain(700, 500, 3000, 1000, 40, 20, 8), DataType.UINT16);
    TestRasters.hole(pixels, 700, 10, 10, 30, 30, 0);
    stripped = TestRasters.write(dir.resolve("in.tif"), grid, GeoTiffProfile.builder(DataType.UINT16, 1)
        .bandNames("B08").unit("reflectance x 10000").nodata(0).compression(Compression.NONE).noOverviews().tileSize(128).build(), pixels);
  }

  private int run(String... args) {
    CommandLine cli = SylvaCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void infoPrintsTheGridStorageAndBands() {
    assertThat(run("raster", "info", stripped.toString())).isZero();
    assertThat(out.toString())
        .contains("Size:       700 x 500, 1 band, uint16")
        .contains("CRS:        EPSG:32630 (WGS 84 / UTM zone 30N)")
        .contains("Origin:     (600000, 4950000)")
        .contains("Pixel size: (10, -10)")
        .contains("Storage:    128x128 tiles, NONE, no predictor")
        .contains("Overviews:  none")
        .contains("Band 1:     B08, nodata 0, unit reflectance x 10000");
  }

  @Test
  void infoJsonHasTheSameFacts() throws IOException {
    assertThat(run("raster", "info", "--json", stripped.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("crs").asText()).isEqualTo("EPSG:32630");
    assertThat(json.get("width").asInt()).isEqualTo(700);
    assertThat(json.at("/storage/compression").asText()).isEqualTo("NONE");
    assertThat(json.at("/bandInfo/0/name").asText()).isEqualTo("B08");
    assertThat(json.at("/bandInfo/0/nodata").asDouble()).isZero();
    assertThat(json.get("geoTransform").toString()).isEqualTo("[600000.0,10.0,0.0,4950000.0,0.0,-10.0]");
  }

  @Test
  void cogRewritesTheFileWithTheSamePixelsAndMetadata() throws IOException {
    Path cog = dir.resolve("out.tif");
    assertThat(run("raster", "cog", "--tile-size", "256", "--level", "4", stripped.toString(), cog.toString())).isZero();
    assertThat(out.toString()).contains("Cloud-Optimized GeoTIFF written");
    try (GeoTiffReader r = GeoTiff.open(cog)) {
      assertThat(r.declaresCogLayout()).isTrue();
      assertThat(r.structure().blockWidth()).isEqualTo(256);
      assertThat(r.structure().compression()).isEqualTo(Compression.DEFLATE);
      assertThat(r.overviewCount()).isEqualTo(2);
      assertThat(r.bandNames()).containsExactly("B08");
      assertThat(r.bandMetadata().get(0).unit()).contains("reflectance x 10000");
      assertThat(r.nodata()).hasValue(0);
      TestRasters.assertSameSamples(r.read(r.grid().fullWindow(), 0), pixels);
    }
    assertThat(run("raster", "info", cog.toString())).isZero();
    assertThat(out.toString()).contains("Cloud-Optimized layout").contains("Overviews:  350x250, 175x125");
  }

  @Test
  void failuresAreOneLineNamingTheFile() throws IOException {
    Path missing = dir.resolve("missing.tif");
    assertThat(run("raster", "info", missing.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("sylva: " + missing + ": no such file" + System.lineSeparator());

    err.getBuffer().setLength(0);
    Path text = Files.writeString(dir.resolve("notes.tif"), "hello");
    assertThat(run("raster", "cog", text.toString(), dir.resolve("x.tif").toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("sylva: " + text + ": not a TIFF file").hasLineCount(1);

    err.getBuffer().setLength(0);
    Path target = dir.resolve("y.tif");
    assertThat(run("raster", "cog", "--tile-size", "100", stripped.toString(), target.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("sylva: " + target + ": tile size must be a multiple of 16").hasLineCount(1);
    assertThat(target).doesNotExist();

    err.getBuffer().setLength(0);
    assertThat(run("raster", "cog", stripped.toString(), stripped.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("the output must differ from the input").hasLineCount(1);
  }
}

package org.sylva.geo.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterFormatException;
import org.sylva.geo.testing.TestRasters;

/** Unusable inputs fail with one line naming the file and the problem, never with a stack of nonsense. */
class GeoTiffBadInputTest {

  @TempDir Path dir;
  private Path good;
  private float[] pixels;

  @BeforeEach
  void writeAGoodFile() throws IOException {
    GridGeometry grid = TestRasters.utmGrid(700, 500, 10);
    pixels = TestRasters.terrain(700, 500, 25, 10, 40, 0.5, 1);
    good = TestRasters.write(dir.resolve("good.tif"), grid,
        GeoTiffProfile.builder(DataType.FLOAT32, 1).nodata(-9999).tileSize(256).build(), pixels);
  }

  private Path copy(String name) throws IOException {
    return Files.copy(good, dir.resolve(name));
  }

  private static void assertOneLine(ThrowingCallable call, Path file, String problem) {
    assertThatThrownBy(call).isInstanceOf(RasterFormatException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void notATiff() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.tif"), "these are not pixels\n", StandardCharsets.UTF_8);
    assertOneLine(() -> GeoTiff.open(file), file, "not a TIFF file");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.tif"));
    assertOneLine(() -> GeoTiff.open(file), file, "empty file");
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("absent.tif");
    assertOneLine(() -> GeoTiff.open(file), file, "no such file");
  }

  @Test
  void directory() {
    assertOneLine(() -> GeoTiff.open(dir), dir, "is a directory");
  }

  @Test
  void truncatedFile() throws IOException {
    Path file = dir.resolve("cut.tif");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(file, Arrays.copyOf(bytes, bytes.length * 6 / 10));
    assertOneLine(() -> GeoTiff.open(file), file, "truncated file: tile");
  }

  @Test
  void truncatedInsideTheHeader() throws IOException {
    Path file = dir.resolve("stub.tif");
    Files.write(file, Arrays.copyOf(Files.readAllBytes(good), 300));
    assertOneLine(() -> GeoTiff.open(file), file, "truncated file");
  }

  @Test
  void jpegCompressionIsRefusedByName() throws IOException {
    Path file = copy("jpeg.tif");
    TiffPatch.setShort(file, TiffTags.COMPRESSION, 7);
    assertOneLine(() -> GeoTiff.open(file), file, "unsupported compression JPEG (7)");
  }

  @Test
  void plainTiffWithoutGeoKeys() throws IOException {
    Path file = copy("plain.tif");
    TiffPatch.renameTag(file, TiffTags.GEO_KEY_DIRECTORY, 65000);
    assertOneLine(() -> GeoTiff.open(file), file, "no GeoKeys");
  }

  @Test
  void noGeotransform() throws IOException {
    Path file = copy("nogt.tif");
    TiffPatch.renameTag(file, TiffTags.MODEL_PIXEL_SCALE, 65001);
    assertOneLine(() -> GeoTiff.open(file), file, "no geotransform");
  }

  @Test
  void crsUnknownWithoutTheEpsgDatabase() throws IOException {
    Path file = copy("lambert.tif");
    TiffPatch.setGeoKey(file, GeoKeys.PROJECTED_CS_TYPE, 2154);
    assertOneLine(() -> GeoTiff.open(file), file, "EPSG:2154 is not known to Apache SIS");
  }

  @Test
  void unsupportedSampleFormat() throws IOException {
    Path file = copy("int32.tif");
    TiffPatch.setShort(file, TiffTags.SAMPLE_FORMAT, 2); // 32-bit signed integers
    assertOneLine(() -> GeoTiff.open(file), file, "unsupported sample format: 32-bit signed integer");
  }

  @Test
  void windowOutsideTheRaster() throws IOException {
    try (GeoTiffReader r = GeoTiff.open(good)) {
      assertOneLine(() -> r.read(new PixelWindow(600, 400, 200, 50), 0), good, "is outside the 700x500 raster");
      assertOneLine(() -> r.read(new PixelWindow(-1, 0, 10, 10), 0), good, "is outside the 700x500 raster");
    }
  }

  @Test
  void bandIndexOutOfRange() throws IOException {
    try (GeoTiffReader r = GeoTiff.open(good)) {
      assertOneLine(() -> r.read(new PixelWindow(0, 0, 10, 10), 3), good, "band index 3 is out of range: the file has 1 band");
    }
  }

  @Test
  void readAfterClose() throws IOException {
    GeoTiffReader r = GeoTiff.open(good);
    r.close();
    assertOneLine(() -> r.read(new PixelWindow(0, 0, 10, 10), 0), good, "the reader is closed");
  }

  @Test
  void corruptTileFailsOnlyTheWindowsThatNeedIt() throws IOException {
    Path file = copy("corrupt.tif");
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0x5A);
    TiffPatch.write(file, TiffPatch.tileOffset(file, 5), garbage); // tile (2, 1): columns 512-699, rows 256-499
    try (GeoTiffReader r = GeoTiff.open(file)) {
      // A window over tiles 0-1 never touches tile 5: lazy reads decode only the tiles they intersect.
      PixelWindow clean = new PixelWindow(0, 0, 512, 256);
      TestRasters.assertSameSamples(r.read(clean, 0), GeoTiffRoundTripTest.crop(pixels, 700, clean));
      assertOneLine(() -> r.read(r.grid().fullWindow(), 0), file, "corrupt Deflate data in tile 5");
    }
  }
}

package org.sylva.geo.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.raster.Crs;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.RasterSource;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.geo.testing.TestRasters;

/**
 * Interoperability both ways with GDAL 3.6 and rasterio: Sylva's COGs pass gdalinfo and GDAL's COG validator
 * and have GDAL's overviews; files written by gdal_translate in every supported layout read back exactly as
 * rasterio reads them.
 */
class GeoTiffInteropTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void sylvaCogPassesGdalinfoAndTheCogValidator() throws IOException {
    ExternalTools.requireProgram("gdalinfo");
    ExternalTools.requirePythonModules("rasterio", "osgeo.gdal", "osgeo_utils.samples.validate_cloud_optimized_geotiff");
    GridGeometry grid = TestRasters.utmGrid(700, 500, 10);
    float[] pixels = TestRasters.terrain(700, 500, 25, 10, 40, 0.5, 21);
    TestRasters.hole(pixels, 700, 100, 80, 60, 30, -9999);
    Path file = TestRasters.write(dir.resolve("sylva.tif"), grid, GeoTiffProfile.builder(DataType.FLOAT32, 1)
        .bandNames("B04").unit("m").nodata(-9999).tileSize(256).metadata("PRODUCT", "test").build(), pixels);

    JsonNode info = JSON.readTree(ExternalTools.runChecked(List.of("gdalinfo", "-json", file.toString()), 120));
    assertThat(info.at("/coordinateSystem/wkt").asText()).contains("ID[\"EPSG\",32630]");
    assertThat(doubles(info.get("geoTransform"))).containsExactly(600000, 10, 0, 4950000, 0, -10);
    assertThat(info.at("/metadata/IMAGE_STRUCTURE/LAYOUT").asText()).isEqualTo("COG");
    assertThat(info.at("/metadata/IMAGE_STRUCTURE/COMPRESSION").asText()).isEqualTo("DEFLATE");
    assertThat(info.at("/metadata/IMAGE_STRUCTURE/PREDICTOR").asText()).isEqualTo("3");
    assertThat(info.at("/metadata//PRODUCT").asText()).isEqualTo("test");
    JsonNode band = info.at("/bands/0");
    assertThat(band.get("noDataValue").asDouble()).isEqualTo(-9999);
    assertThat(band.get("description").asText()).isEqualTo("B04");
    assertThat(band.get("unit").asText()).isEqualTo("m");
    assertThat(doubles(band.get("block"))).containsExactly(256, 256);
    assertThat(band.get("overviews").findValues("size")).extracting(JsonNode::toString).containsExactly("[350,250]", "[175,125]");

    String script = """
        import json, sys, hashlib, rasterio
        from osgeo_utils.samples import validate_cloud_optimized_geotiff as cog
        path = sys.argv[1]
        warnings, errors, details = cog.validate(path, full_check=True)
        hashes = []
        for level in (None, 0, 1):
            with rasterio.open(path, overview_level=level) as src:
                hashes.append(hashlib.sha256(src.read(1).astype('<f4').tobytes()).hexdigest())
        print(json.dumps({"warnings": warnings, "errors": errors, "details": details, "hashes": hashes}))
        """;
    JsonNode result = JSON.readTree(ExternalTools.python(script, file.toString()));
    assertThat(result.get("errors")).isEmpty();
    assertThat(result.get("warnings")).isEmpty();
    JsonNode offsets = result.get("details");
    long lastIfd = 0;
    long firstData = Long.MAX_VALUE;
    for (JsonNode v : offsets.get("ifd_offsets")) {
      lastIfd = Math.max(lastIfd, v.asLong());
    }
    for (JsonNode v : offsets.get("data_offsets")) {
      firstData = Math.min(firstData, v.asLong());
    }
    assertThat(lastIfd).as("all IFDs precede the tile data").isLessThan(firstData);
    assertThat(offsets.at("/data_offsets/overview_1").asLong()).as("smallest overview first")
        .isLessThan(offsets.at("/data_offsets/overview_0").asLong());
    assertThat(offsets.at("/data_offsets/overview_0").asLong()).isLessThan(offsets.at("/data_offsets/main").asLong());

    try (GeoTiffReader r = GeoTiff.open(file)) {
      assertThat(result.get("hashes").get(0).asText()).isEqualTo(sha256(r.read(grid.fullWindow(), 0)));
      for (int level = 0; level < 2; level++) {
        RasterSource ovr = r.overview(level);
        assertThat(result.get("hashes").get(level + 1).asText()).isEqualTo(sha256(ovr.read(ovr.grid().fullWindow(), 0)));
      }
    }
  }

  @Test
  void overviewsAreIdenticalToGdalCogDriverOutput() throws IOException {
    ExternalTools.requireProgram("gdal_translate");
    // Odd sizes make the overview ratio slightly above 2 (GDAL rounds sizes down): weighted averaging applies.
    int w = 1001;
    int h = 999;
    GridGeometry grid = TestRasters.utmGrid(w, h, 10);
    for (DataType type : List.of(DataType.FLOAT32, DataType.INT16, DataType.UINT8)) {
      float nodata = type == DataType.UINT8 ? 255 : -9999;
      float[] pixels = TestRasters.asType(TestRasters.terrain(w, h, type == DataType.UINT8 ? 120 : 500, 100, 50, 3, 17), type);
      TestRasters.hole(pixels, w, 200, 100, 61, 31, nodata);
      Path source = TestRasters.write(dir.resolve("src-" + type + ".tif"), grid, GeoTiffProfile.builder(type, 1)
          .nodata(nodata).compression(Compression.NONE).noOverviews().build(), pixels);
      Path gdal = dir.resolve("gdal-" + type + ".tif");
      ExternalTools.runChecked(List.of("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=256", "-co", "COMPRESS=DEFLATE",
          "-co", "PREDICTOR=YES", "-co", "OVERVIEW_RESAMPLING=AVERAGE", source.toString(), gdal.toString()), 300);
      Path sylva = dir.resolve("sylva-" + type + ".tif");
      try (GeoTiffReader src = GeoTiff.open(source)) {
        GeoTiff.copy(src, sylva, GeoTiffProfile.from(src).tileSize(256).build(), rows -> { });
      }
      try (GeoTiffReader g = GeoTiff.open(gdal); GeoTiffReader s = GeoTiff.open(sylva)) {
        assertThat(s.overviewStructures()).isEqualTo(g.overviewStructures());
        assertThat(s.structure()).isEqualTo(g.structure());
        for (int level = 0; level < g.overviewCount(); level++) {
          RasterSource go = g.overview(level);
          RasterSource so = s.overview(level);
          assertThat(so.grid()).isEqualTo(go.grid());
          TestRasters.assertSameSamples(so.read(so.grid().fullWindow(), 0), go.read(go.grid().fullWindow(), 0));
        }
        TestRasters.assertSameSamples(s.read(grid.fullWindow(), 0), g.read(grid.fullWindow(), 0));
      }
    }
  }

  @Test
  void filesWrittenByGdalTranslateReadExactlyAsRasterioReadsThem() throws IOException {
    ExternalTools.requireProgram("gdal_translate");
    ExternalTools.requirePythonModules("rasterio", "numpy");
    String script = """
        import json, sys, os, hashlib, subprocess
        import numpy as np, rasterio
        from rasterio.transform import from_origin
        out = sys.argv[1]
        h, w = 193, 257
        y, x = np.mgrid[0:h, 0:w]
        smooth = np.sin(x / 23.0) * np.cos(y / 17.0)
        rng = np.random.default_rng(4)
        sources = {}
        for dtype, scale, offset, nodata in (('uint8', 100, 120, 255), ('int16', 3000, 0, -32768),
                                             ('uint16', 3000, 4000, 0), ('float32', 10, 25, -9999)):
            bands = [smooth * scale + offset + rng.normal(0, scale / 50, (h, w)) + 7 * b for b in range(3)]
            data = np.stack([np.round(b) if dtype != 'float32' else b for b in bands]).astype(dtype)
            data[:, 20:30, 40:60] = nodata
            path = os.path.join(out, 'src_%s.tif' % dtype)
            crs = 'EPSG:4326' if dtype == 'uint16' else 'EPSG:32630'
            transform = from_origin(-1.2, 44.6, 0.0002, 0.0002) if dtype == 'uint16' else from_origin(600000, 4950000, 10, 10)
            with rasterio.open(path, 'w', driver='GTiff', width=w, height=h, count=3, dtype=dtype,
                               crs=crs, transform=transform, nodata=nodata) as d:
                d.write(data)
            sources[dtype] = path
        variants = []
        for dtype in ('uint8', 'int16', 'uint16', 'float32'):
            preds = ['1', '2'] + (['3'] if dtype == 'float32' else [])
            for compress in ('NONE', 'DEFLATE', 'LZW'):
                for pred in (preds if compress != 'NONE' else ['1']):
                    for layout in ('tiled', 'stripped'):
                        interleave = 'BAND' if (len(variants) % 2) else 'PIXEL'
                        co = ['COMPRESS=' + compress, 'INTERLEAVE=' + interleave]
                        if compress != 'NONE':
                            co.append('PREDICTOR=' + pred)
                        co += ['TILED=YES', 'BLOCKXSIZE=64', 'BLOCKYSIZE=48'] if layout == 'tiled' else ['BLOCKYSIZE=7']
                        variants.append((dtype, '%s_%s_p%s_%s_%s' % (dtype, compress, pred, layout, interleave), co, []))
        variants.append(('float32', 'float32_bigendian', ['COMPRESS=DEFLATE', 'PREDICTOR=3', 'ENDIANNESS=BIG', 'TILED=YES'], []))
        variants.append(('int16', 'int16_bigtiff', ['COMPRESS=LZW', 'PREDICTOR=2', 'BIGTIFF=YES', 'TILED=YES'], []))
        variants.append(('uint8', 'uint8_point', ['COMPRESS=DEFLATE'], ['-mo', 'AREA_OR_POINT=Point']))
        variants.append(('float32', 'float32_sparse', ['COMPRESS=DEFLATE', 'TILED=YES', 'SPARSE_OK=TRUE'], ['-b', '1']))
        result = {}
        for dtype, name, co, extra in variants:
            path = os.path.join(out, name + '.tif')
            cmd = ['gdal_translate', '-q'] + extra + sum([['-co', c] for c in co], []) + [sources[dtype], path]
            if name == 'float32_sparse':
                cmd = ['gdal_create', '-q', '-of', 'GTiff', '-outsize', '300', '200', '-bands', '1', '-ot', 'Float32',
                       '-a_srs', 'EPSG:32630', '-a_ullr', '600000', '4950000', '603000', '4948000', '-a_nodata', '-9999',
                       '-burn', '-9999'] + sum([['-co', c] for c in co], []) + [path]
            subprocess.run(cmd, check=True)
            with rasterio.open(path) as src:
                t = src.transform
                result[name] = {
                    'path': path, 'dtype': src.dtypes[0], 'nodata': src.nodata, 'epsg': src.crs.to_epsg(),
                    'transform': [t.c, t.a, t.b, t.f, t.d, t.e],
                    'bands': [hashlib.sha256(src.read(b + 1).astype('<f4').tobytes()).hexdigest() for b in range(src.count)]}
        print(json.dumps(result))
        """;
    JsonNode files = JSON.readTree(ExternalTools.python(script, dir.toString()));
    assertThat(files.size()).isGreaterThanOrEqualTo(40);
    for (Map.Entry<String, JsonNode> e : iterable(files)) {
      JsonNode expected = e.getValue();
      try (GeoTiffReader r = GeoTiff.open(Path.of(expected.get("path").asText()))) {
        String name = e.getKey();
        assertThat(r.dataType().name()).as(name).isEqualToIgnoringCase(expected.get("dtype").asText());
        assertThat(Crs.epsgCode(r.grid().crs())).as(name).hasValue(expected.get("epsg").asInt());
        assertThat(r.grid().transform().toGdalArray()).as(name).containsExactly(doubles(expected.get("transform")));
        assertThat(r.nodata()).as(name).hasValue(expected.get("nodata").asDouble());
        assertThat(r.bandCount()).as(name).isEqualTo(expected.get("bands").size());
        for (int b = 0; b < r.bandCount(); b++) {
          assertThat(sha256(r.read(r.grid().fullWindow(), b))).as(name + " band " + b).isEqualTo(expected.get("bands").get(b).asText());
        }
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = array.get(i).asDouble();
    }
    return d;
  }

  /** SHA-256 of the samples as little-endian float32, as numpy's {@code astype('<f4').tobytes()}. */
  static String sha256(float[] samples) {
    ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(samples);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.sylva.geo.geotiff;

import static org.sylva.geo.geotiff.TiffTags.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;

/**
 * Lays out and writes the final Cloud-Optimized GeoTIFF exactly as GDAL's COG driver does: header; GDAL's
 * structural-metadata "ghost" block; the IFD of the full resolution then each overview's IFD (largest
 * first), each followed by its small values; then all tile offset/byte-count arrays; then the tile data,
 * smallest overview first and full resolution last, each level row-major, each tile framed by a 4-byte size
 * leader and a trailer repeating its last 4 bytes.
 */
final class CogAssembler {

  static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
      + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";
  static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;

  private final GridGeometry grid;
  private final GeoTiffProfile profile;
  private final List<TileGrid> levels;
  private final TileSpool spool;

  CogAssembler(GridGeometry grid, GeoTiffProfile profile, List<TileGrid> levels, TileSpool spool) {
    this.grid = grid;
    this.profile = profile;
    this.levels = levels;
    this.spool = spool;
  }

  /** Writes the file; returns its size. */
  long write(Path target) throws IOException {
    long tileBytes = 0;
    long maxTile = 0;
    for (int l = 0; l < levels.size(); l++) {
      for (int i = 0; i < levels.get(l).count(); i++) {
        tileBytes += spool.length(l, i) + TileSpool.FRAME_OVERHEAD;
        maxTile = Math.max(maxTile, spool.length(l, i));
      }
    }
    boolean big = switch (profile.bigTiff()) {
      case YES -> true;
      case NO -> false;
      case AUTO -> headerSize(buildIfds(false, false), false) + tileBytes > CLASSIC_LIMIT;
    };
    List<IfdBuilder> ifds = buildIfds(big, maxTile > CLASSIC_LIMIT);
    long headerSize = headerSize(ifds, big);
    if (!big && headerSize + tileBytes > CLASSIC_LIMIT) {
      throw new IOException(target + ": the file would be " + (headerSize + tileBytes)
          + " bytes, over the 4 GiB classic TIFF limit, and BigTIFF is disabled");
    }
    // Tile offsets: smallest overview first, full resolution last; each offset points past the 4-byte leader.
    long at = headerSize;
    List<long[]> offsets = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      offsets.add(new long[levels.get(l).count()]);
      counts.add(new long[levels.get(l).count()]);
    }
    for (int l = levels.size() - 1; l >= 0; l--) {
      for (int i = 0; i < levels.get(l).count(); i++) {
        int length = spool.length(l, i);
        offsets.get(l)[i] = at + 4;
        counts.get(l)[i] = length;
        at += length + TileSpool.FRAME_OVERHEAD;
      }
    }
    for (int l = 0; l < levels.size(); l++) {
      ifds.get(l).setDeferred(TILE_OFFSETS, offsets.get(l));
      ifds.get(l).setDeferred(TILE_BYTE_COUNTS, counts.get(l));
    }
    ByteBuffer header = ByteBuffer.allocate((int) headerSize).order(ByteOrder.LITTLE_ENDIAN);
    writeHeader(header, ifds, big);
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      while (header.hasRemaining()) {
        out.write(header);
      }
      for (int l = levels.size() - 1; l >= 0; l--) {
        for (int i = 0; i < levels.get(l).count(); i++) {
          spool.transferFrame(l, i, out);
        }
      }
      return out.size();
    }
  }

  private static int ghostStart(boolean big) {
    return big ? 16 : 8;
  }

  private static String ghost() {
    return "GDAL_STRUCTURAL_METADATA_SIZE=" + String.format(Locale.ROOT, "%06d", GHOST_BODY.length()) + " bytes\n" + GHOST_BODY;
  }

  private static long firstIfdOffset(boolean big) {
    return IfdBuilder.align(ghostStart(big) + ghost().length());
  }

  private static long headerSize(List<IfdBuilder> ifds, boolean big) {
    long size = firstIfdOffset(big);
    for (IfdBuilder ifd : ifds) {
      size += ifd.entryBlockSize(big) + ifd.valuesSize(big);
    }
    for (IfdBuilder ifd : ifds) {
      size += ifd.deferredSize(big);
    }
    return size;
  }

  private void writeHeader(ByteBuffer out, List<IfdBuilder> ifds, boolean big) {
    out.put(0, (byte) 'I').put(1, (byte) 'I');
    if (big) {
      out.putShort(2, (short) 43).putShort(4, (short) 8).putShort(6, (short) 0).putLong(8, firstIfdOffset(big));
    } else {
      out.putShort(2, (short) 42).putInt(4, (int) firstIfdOffset(big));
    }
    out.put(ghostStart(big), ghost().getBytes(StandardCharsets.ISO_8859_1));
    long[] ifdAt = new long[ifds.size()];
    long at = firstIfdOffset(big);
    for (int l = 0; l < ifds.size(); l++) {
      ifdAt[l] = at;
      at += ifds.get(l).entryBlockSize(big) + ifds.get(l).valuesSize(big);
    }
    long deferredAt = at;
    for (int l = 0; l < ifds.size(); l++) {
      long next = l + 1 < ifds.size() ? ifdAt[l + 1] : 0;
      ifds.get(l).write(out, 0, ifdAt[l], next, deferredAt, big);
      deferredAt += ifds.get(l).deferredSize(big);
    }
  }

  private List<IfdBuilder> buildIfds(boolean big, boolean hugeTiles) {
    List<IfdBuilder> ifds = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      ifds.add(ifd(l, big, hugeTiles));
    }
    return ifds;
  }

  private IfdBuilder ifd(int level, boolean big, boolean hugeTiles) {
    TileGrid g = levels.get(level);
    int spp = profile.bandCount();
    int bits = profile.dataType().bytesPerSample() * 8;
    int format = profile.dataType().isFloatingPoint() ? 3 : profile.dataType().isSigned() ? 2 : 1;
    IfdBuilder ifd = new IfdBuilder();
    if (level > 0) {
      ifd.longs(NEW_SUBFILE_TYPE, SUBFILE_REDUCED);
    }
    ifd.shortOrLong(IMAGE_WIDTH, g.width())
        .shortOrLong(IMAGE_LENGTH, g.height())
        .shorts(BITS_PER_SAMPLE, repeat(bits, spp))
        .shorts(COMPRESSION, profile.compression().code())
        .shorts(PHOTOMETRIC, 1)
        .shorts(SAMPLES_PER_PIXEL, spp)
        .shorts(PLANAR_CONFIGURATION, 1)
        .shorts(TILE_WIDTH, g.tileSize())
        .shorts(TILE_LENGTH, g.tileSize())
        .deferred(TILE_OFFSETS, big ? TYPE_LONG8 : TYPE_LONG, g.count())
        .deferred(TILE_BYTE_COUNTS, hugeTiles ? TYPE_LONG8 : TYPE_LONG, g.count())
        .shorts(SAMPLE_FORMAT, repeat(format, spp));
    if (profile.predictor() != Predictor.NONE) {
      ifd.shorts(PREDICTOR, profile.predictor().code());
    }
    if (spp > 1) {
      ifd.shorts(EXTRA_SAMPLES, repeat(0, spp - 1));
    }
    profile.nodata().ifPresent(v -> ifd.ascii(GDAL_NODATA, nodataText(v)));
    if (level == 0) {
      georeference(ifd);
      String xml = new GdalMetadata(profile.metadata(), profile.bands()).toXml();
      if (xml != null) {
        ifd.ascii(GDAL_METADATA, xml);
      }
    }
    return ifd;
  }

  private void georeference(IfdBuilder ifd) {
    GeoTransform t = grid.transform();
    if (t.rowRotation() == 0 && t.colRotation() == 0) {
      ifd.doubles(MODEL_PIXEL_SCALE, t.pixelWidth(), -t.pixelHeight(), 0);
      ifd.doubles(MODEL_TIEPOINT, 0, 0, 0, t.originX(), t.originY(), 0);
    } else {
      ifd.doubles(MODEL_TRANSFORMATION, t.pixelWidth(), t.rowRotation(), 0, t.originX(),
          t.colRotation(), t.pixelHeight(), 0, t.originY(), 0, 0, 0, 0, 0, 0, 0, 1);
    }
    GeoKeys.Encoded keys = GeoKeys.encode(grid.crs());
    ifd.shorts(GEO_KEY_DIRECTORY, keys.directory());
    if (keys.doubles().length > 0) {
      ifd.doubles(GEO_DOUBLE_PARAMS, keys.doubles());
    }
    if (!keys.ascii().isEmpty()) {
      ifd.ascii(GEO_ASCII_PARAMS, keys.ascii());
    }
  }

  /** GDAL_NODATA text: integers without a decimal point, NaN as "nan", others in full precision. */
  static String nodataText(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static int[] repeat(int value, int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}

package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import mil.nga.tiff.compression.LZWCompression;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Reads one block's bytes with a positional read and decompresses them into a reusable array. One loader per
 * thread (it owns an {@link Inflater} and buffers); the shared {@link FileChannel} is safe for concurrent
 * positional reads. LZW decoding is mil.nga's; Deflate is the JDK's zlib.
 */
final class BlockLoader {

  private final Inflater inflater = new Inflater();
  private ByteBuffer compressed = ByteBuffer.allocateDirect(1 << 20);
  private byte[] raw = new byte[0];

  /**
   * Returns the decompressed bytes of a block (at least {@code expectedBytes} long; only that prefix is
   * meaningful). The array is reused by the next call on this loader.
   */
  byte[] load(FileChannel channel, Path file, TiffImage image, int block, int expectedBytes, ByteOrder order)
      throws IOException {
    long offset = image.offset(block);
    long count = image.byteCount(block);
    if (raw.length < expectedBytes) {
      raw = new byte[expectedBytes];
    }
    Compression compression = image.structure().compression();
    String what = (image.structure().tiled() ? "tile " : "strip ") + block;
    if (count > Integer.MAX_VALUE) {
      throw new RasterFormatException(file, what + " is larger than 2 GiB");
    }
    if (compression == Compression.NONE) {
      if (count < expectedBytes) {
        throw new RasterFormatException(file, "corrupt TIFF: uncompressed " + what + " has " + count
            + " bytes, expected " + expectedBytes);
      }
      ChannelReads.readFully(channel, file, offset, ByteBuffer.wrap(raw, 0, expectedBytes), what);
      return raw;
    }
    ByteBuffer input = readCompressed(channel, file, offset, (int) count, what);
    if (compression == Compression.DEFLATE) {
      inflate(file, what, input, expectedBytes);
      return raw;
    }
    byte[] bytes = new byte[input.remaining()];
    input.get(bytes);
    byte[] decoded;
    try {
      decoded = new LZWCompression().decode(bytes, order);
    } catch (RuntimeException e) {
      throw new RasterFormatException(file, "corrupt LZW data in " + what + ": " + e.getMessage(), e);
    }
    if (decoded.length < expectedBytes) {
      throw new RasterFormatException(file, "corrupt LZW data in " + what + ": " + decoded.length
          + " bytes decoded, expected " + expectedBytes);
    }
    return decoded;
  }

  private ByteBuffer readCompressed(FileChannel channel, Path file, long offset, int count, String what) throws IOException {
    if (compressed.capacity() < count) {
      compressed = ByteBuffer.allocateDirect(Math.max(count, compressed.capacity() * 2));
    }
    compressed.clear().limit(count);
    ChannelReads.readFully(channel, file, offset, compressed, what);
    return compressed.flip();
  }

  private void inflate(Path file, String what, ByteBuffer input, int expectedBytes) throws RasterFormatException {
    inflater.reset();
    inflater.setInput(input);
    int produced = 0;
    try {
      while (produced < expectedBytes) {
        int n = inflater.inflate(raw, produced, expectedBytes - produced);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        produced += n;
      }
    } catch (DataFormatException e) {
      throw new RasterFormatException(file, "corrupt Deflate data in " + what + ": " + e.getMessage(), e);
    }
    if (produced < expectedBytes) {
      throw new RasterFormatException(file, "corrupt Deflate data in " + what + ": " + produced
          + " bytes decoded, expected " + expectedBytes);
    }
  }
}

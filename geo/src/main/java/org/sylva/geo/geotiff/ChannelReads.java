package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.sylva.geo.raster.RasterFormatException;

/** Positional reads that fail with a one-line message naming the file when the bytes are not there. */
final class ChannelReads {

  private ChannelReads() {}

  /** Reads exactly {@code length} bytes at {@code position} into a new heap buffer (flipped, ready to read). */
  static ByteBuffer read(FileChannel channel, Path file, long position, int length, String what) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    readFully(channel, file, position, buffer, what);
    return buffer.flip();
  }

  /** Fills the remaining space of {@code buffer} from {@code position}; thread-safe on a shared channel. */
  static void readFully(FileChannel channel, Path file, long position, ByteBuffer buffer, String what) throws IOException {
    long size = channel.size();
    if (position < 0 || position + buffer.remaining() > size) {
      throw truncated(file, what, position, buffer.remaining(), size);
    }
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw truncated(file, what, position, buffer.remaining(), size);
      }
      at += n;
    }
  }

  static RasterFormatException truncated(Path file, String what, long position, long length, long size) {
    return new RasterFormatException(file, "truncated file: " + what + " at byte " + position + " needs " + length
        + " bytes but the file has " + size + " bytes");
  }
}

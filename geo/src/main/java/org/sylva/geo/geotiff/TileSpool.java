package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A temporary file holding compressed tiles in the order they finished, each already framed as GDAL's COG
 * driver frames tiles in the final file: a 4-byte little-endian size leader, the data, and its last 4 bytes
 * repeated as trailer. The final file copies these frames in COG order. Thread-safe: workers append
 * concurrently at positions handed out under a lock.
 */
final class TileSpool implements AutoCloseable {

  static final int FRAME_OVERHEAD = 8;

  private final Path path;
  private final FileChannel channel;
  private final long[][] positions;
  private final int[][] lengths;
  private long end;

  TileSpool(Path path, List<TileGrid> levels) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    this.positions = new long[levels.size()][];
    this.lengths = new int[levels.size()][];
    for (int l = 0; l < levels.size(); l++) {
      positions[l] = new long[levels.get(l).count()];
      lengths[l] = new int[levels.get(l).count()];
    }
  }

  /** Stores the compressed bytes of tile {@code index} of {@code level}. */
  void put(int level, int index, byte[] data) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(data.length + FRAME_OVERHEAD).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt(data.length).put(data);
    if (data.length >= 4) {
      frame.put(data, data.length - 4, 4);
    } else {
      frame.putInt(0);
    }
    frame.flip();
    long at;
    synchronized (this) {
      at = end;
      end += frame.remaining();
    }
    while (frame.hasRemaining()) {
      at += channel.write(frame, at);
    }
    synchronized (this) {
      positions[level][index] = at - data.length - FRAME_OVERHEAD;
      lengths[level][index] = data.length;
    }
  }

  synchronized int length(int level, int index) {
    return lengths[level][index];
  }

  /** Copies the framed tile (leader + data + trailer) to {@code out} at its current position. */
  void transferFrame(int level, int index, FileChannel out) throws IOException {
    long at;
    long remaining;
    synchronized (this) {
      at = positions[level][index];
      remaining = lengths[level][index] + FRAME_OVERHEAD;
    }
    while (remaining > 0) {
      long n = channel.transferTo(at, remaining, out);
      if (n <= 0) {
        throw new IOException(path + ": spool file ended early");
      }
      at += n;
      remaining -= n;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(path);
  }
}

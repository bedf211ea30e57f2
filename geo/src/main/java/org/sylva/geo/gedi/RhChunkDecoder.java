package org.sylva.geo.gedi;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.filter.PipelineFilterWithData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes chunks of a chunked floating-point dataset (GEDI's {@code rh}, ~97 % of an L2A granule's bytes) and
 * reads single elements from them. NASA's granules use the filters shuffle + deflate: those chunks are inflated
 * here straight into one reused buffer, and only the elements asked for are un-shuffled (3 of 101 per row),
 * instead of jHDF's generic path (4 KB inflate steps, stream copies, a full un-shuffle of every chunk).
 * Any other filter pipeline goes through jHDF. One decoder per thread.
 */
final class RhChunkDecoder {

  private static final int DEFLATE = 1;
  private static final int SHUFFLE = 2;

  private final ChunkedDataset dataset;
  private final int elementSize;
  private final ByteOrder order;
  private final int elements;
  private final boolean direct;
  private final boolean shuffled;
  private final Inflater inflater = new Inflater();
  private byte[] chunk;

  RhChunkDecoder(ChunkedDataset dataset, int elementSize, ByteOrder order) {
    this.dataset = dataset;
    this.elementSize = elementSize;
    this.order = order;
    int n = 1;
    for (int d : dataset.getChunkDimensions()) {
      n *= d;
    }
    this.elements = n;
    List<PipelineFilterWithData> filters = dataset.getFilters();
    boolean deflateLast = !filters.isEmpty() && filters.get(filters.size() - 1).getId() == DEFLATE;
    boolean onlyShuffleBefore = filters.size() == 1 || (filters.size() == 2 && filters.get(0).getId() == SHUFFLE);
    this.direct = deflateLast && onlyShuffleBefore;
    this.shuffled = direct && filters.size() == 2;
  }

  /** Decodes the chunk at {@code offset} (element coordinates of its first element). */
  void load(int[] offset) throws DataFormatException {
    if (!direct) {
      chunk = dataset.getDecompressedChunk(offset);
      return;
    }
    if (chunk == null || chunk.length != elements * elementSize) {
      chunk = new byte[elements * elementSize];
    }
    ByteBuffer raw = dataset.getRawChunkBuffer(offset);
    byte[] compressed = new byte[raw.remaining()];
    raw.get(compressed);
    inflater.reset();
    inflater.setInput(compressed);
    int filled = 0;
    while (filled < chunk.length && !inflater.finished()) {
      int n = inflater.inflate(chunk, filled, chunk.length - filled);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("chunk at " + java.util.Arrays.toString(offset) + " ends after " + filled
            + " of " + chunk.length + " bytes");
      }
      filled += n;
    }
  }

  /** Element {@code index} (row-major within the chunk) of the loaded chunk, widened to double. */
  double value(int index) {
    long bits = 0;
    for (int k = 0; k < elementSize; k++) {
      int b = chunk[shuffled ? k * elements + index : index * elementSize + k] & 0xFF;
      bits |= (long) b << (8 * (order == ByteOrder.LITTLE_ENDIAN ? k : elementSize - 1 - k));
    }
    return elementSize == 8 ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
  }

  void close() {
    inflater.end();
  }
}

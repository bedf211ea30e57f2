package org.sylva.geo.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.sylva.geo.raster.DataType;

/**
 * Turns decompressed block rows into float samples: undoes the predictor of one row in place, then copies
 * the wanted columns of one sample (band) into a destination array. Stateless; the loops are written per
 * type so the JIT sees no virtual calls per pixel.
 */
final class RowDecoder {

  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final DataType type;
  private final Predictor predictor;
  private final boolean littleEndian;
  /** Samples per block pixel (stride of the predictor). */
  private final int spp;
  /** Samples in one block row (block width × spp). */
  private final int rowSamples;
  private final int rowBytes;

  RowDecoder(ImageStructure s, ByteOrder order) {
    this.type = s.dataType();
    this.predictor = s.predictor();
    this.littleEndian = order == ByteOrder.LITTLE_ENDIAN;
    this.spp = s.samplesPerBlockPixel();
    this.rowSamples = s.blockWidth() * spp;
    this.rowBytes = rowSamples * type.bytesPerSample();
  }

  int rowBytes() {
    return rowBytes;
  }

  /** Undoes the predictor of the row starting at byte {@code start} of {@code raw}. */
  void unpredict(byte[] raw, int start) {
    if (predictor == Predictor.HORIZONTAL) {
      switch (type.bytesPerSample()) {
        case 1 -> {
          for (int i = start + spp, end = start + rowBytes; i < end; i++) {
            raw[i] += raw[i - spp];
          }
        }
        case 2 -> {
          VarHandle h = littleEndian ? SHORT_LE : SHORT_BE;
          for (int i = spp; i < rowSamples; i++) {
            int at = start + 2 * i;
            h.set(raw, at, (short) ((short) h.get(raw, at) + (short) h.get(raw, at - 2 * spp)));
          }
        }
        default -> {
          VarHandle h = littleEndian ? INT_LE : INT_BE;
          for (int i = spp; i < rowSamples; i++) {
            int at = start + 4 * i;
            h.set(raw, at, (int) h.get(raw, at) + (int) h.get(raw, at - 4 * spp));
          }
        }
      }
    } else if (predictor == Predictor.FLOATING_POINT) {
      // Byte differences over the whole row of byte planes; the planes are reassembled in copySamples.
      for (int i = start + spp, end = start + rowBytes; i < end; i++) {
        raw[i] += raw[i - spp];
      }
    }
  }

  /**
   * Copies columns {@code [colFrom, colTo)} of sample {@code sample} of the (unpredicted) row at byte
   * {@code start} into {@code dest} from index {@code destAt}.
   */
  void copySamples(byte[] raw, int start, int sample, int colFrom, int colTo, float[] dest, int destAt) {
    int n = colTo - colFrom;
    int first = colFrom * spp + sample;
    switch (type) {
      case UINT8 -> {
        for (int i = 0, at = start + first; i < n; i++, at += spp) {
          dest[destAt + i] = raw[at] & 0xFF;
        }
      }
      case INT16 -> {
        VarHandle h = littleEndian ? SHORT_LE : SHORT_BE;
        for (int i = 0, at = start + 2 * first; i < n; i++, at += 2 * spp) {
          dest[destAt + i] = (short) h.get(raw, at);
        }
      }
      case UINT16 -> {
        VarHandle h = littleEndian ? SHORT_LE : SHORT_BE;
        for (int i = 0, at = start + 2 * first; i < n; i++, at += 2 * spp) {
          dest[destAt + i] = (char) (short) h.get(raw, at);
        }
      }
      case FLOAT32 -> {
        if (predictor == Predictor.FLOATING_POINT) {
          // Plane p holds byte p (most significant first) of every sample of the row.
          int p0 = start + first;
          int p1 = p0 + rowSamples;
          int p2 = p1 + rowSamples;
          int p3 = p2 + rowSamples;
          for (int i = 0, k = 0; i < n; i++, k += spp) {
            int bits = (raw[p0 + k] & 0xFF) << 24 | (raw[p1 + k] & 0xFF) << 16 | (raw[p2 + k] & 0xFF) << 8 | (raw[p3 + k] & 0xFF);
            dest[destAt + i] = Float.intBitsToFloat(bits);
          }
        } else {
          VarHandle h = littleEndian ? INT_LE : INT_BE;
          for (int i = 0, at = start + 4 * first; i < n; i++, at += 4 * spp) {
            dest[destAt + i] = Float.intBitsToFloat((int) h.get(raw, at));
          }
        }
      }
      default -> throw new IllegalStateException("unhandled data type " + type);
    }
  }
}

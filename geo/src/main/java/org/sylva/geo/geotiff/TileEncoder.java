package org.sylva.geo.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.sylva.geo.raster.DataType;

/**
 * Encodes one tile from band-sequential float samples to the bytes stored in the file: interleave the bands
 * (little-endian), apply the predictor row by row as libtiff does, then Deflate. One encoder per thread (it
 * owns a {@link Deflater} and buffers). Output depends only on the input, never on the thread.
 */
final class TileEncoder {

  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final GeoTiffProfile profile;
  private final Deflater deflater;
  private final int tileSize;
  private final int spp;
  private final int rowBytes;
  private final byte[] raw;
  /** One row before the predictor: differencing from a separate buffer lets the JIT vectorise the loop. */
  private final byte[] row;
  private byte[] out;
  private final float integerFill;

  TileEncoder(GeoTiffProfile profile) {
    this.profile = profile;
    this.deflater = new Deflater(profile.deflateLevel());
    this.tileSize = profile.tileSize();
    this.spp = profile.bandCount();
    this.rowBytes = tileSize * spp * profile.dataType().bytesPerSample();
    this.raw = new byte[rowBytes * tileSize];
    this.row = new byte[rowBytes];
    this.out = new byte[raw.length + raw.length / 8 + 1024];
    this.integerFill = profile.nodata().isPresent() ? (float) profile.nodata().getAsDouble() : 0f;
  }

  /** Encodes a full tile (padding included) given as one {@code tileSize²} array per band. */
  byte[] encode(float[][] bands) {
    for (int r = 0; r < tileSize; r++) {
      for (int b = 0; b < spp; b++) {
        store(bands[b], r * tileSize, b);
      }
      predict(r * rowBytes);
    }
    if (profile.compression() == Compression.NONE) {
      return raw.clone();
    }
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    int n = 0;
    while (!deflater.finished()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      n += deflater.deflate(out, n, out.length - n);
    }
    return Arrays.copyOf(out, n);
  }

  /** Writes one band's samples of a row into the interleaved row buffer. */
  private void store(float[] samples, int from, int band) {
    final int start = 0;
    final byte[] raw = row;
    DataType type = profile.dataType();
    switch (type) {
      case UINT8 -> {
        for (int i = 0, at = start + band; i < tileSize; i++, at += spp) {
          raw[at] = (byte) toInteger(samples[from + i], type);
        }
      }
      case INT16, UINT16 -> {
        for (int i = 0, at = start + 2 * band; i < tileSize; i++, at += 2 * spp) {
          SHORT_LE.set(raw, at, (short) toInteger(samples[from + i], type));
        }
      }
      case FLOAT32 -> {
        if (profile.predictor() == Predictor.FLOATING_POINT) {
          // Byte planes, most significant byte first, as libtiff's floating-point predictor lays them out.
          int plane = tileSize * spp;
          for (int i = 0, k = start + band; i < tileSize; i++, k += spp) {
            int bits = Float.floatToRawIntBits(samples[from + i]);
            raw[k] = (byte) (bits >>> 24);
            raw[k + plane] = (byte) (bits >>> 16);
            raw[k + 2 * plane] = (byte) (bits >>> 8);
            raw[k + 3 * plane] = (byte) bits;
          }
        } else {
          for (int i = 0, at = start + 4 * band; i < tileSize; i++, at += 4 * spp) {
            INT_LE.set(raw, at, Float.floatToRawIntBits(samples[from + i]));
          }
        }
      }
      default -> throw new IllegalStateException("unhandled data type " + type);
    }
  }

  /** Copies the row buffer into the tile at byte {@code start}, applying the predictor (differences along the row). */
  private void predict(int start) {
    Predictor predictor = profile.predictor();
    int bytes = profile.dataType().bytesPerSample();
    if (predictor == Predictor.FLOATING_POINT || (predictor == Predictor.HORIZONTAL && bytes == 1)) {
      System.arraycopy(row, 0, raw, start, spp);
      for (int i = spp; i < rowBytes; i++) {
        raw[start + i] = (byte) (row[i] - row[i - spp]);
      }
    } else if (predictor == Predictor.HORIZONTAL && bytes == 2) {
      System.arraycopy(row, 0, raw, start, 2 * spp);
      for (int at = 2 * spp; at < rowBytes; at += 2) {
        SHORT_LE.set(raw, start + at, (short) ((short) SHORT_LE.get(row, at) - (short) SHORT_LE.get(row, at - 2 * spp)));
      }
    } else if (predictor == Predictor.HORIZONTAL) {
      System.arraycopy(row, 0, raw, start, 4 * spp);
      for (int at = 4 * spp; at < rowBytes; at += 4) {
        INT_LE.set(raw, start + at, (int) INT_LE.get(row, at) - (int) INT_LE.get(row, at - 4 * spp));
      }
    } else {
      System.arraycopy(row, 0, raw, start, rowBytes);
    }
  }

  /** Rounds to nearest and clamps to the type's range; NaN becomes nodata (checked non-NaN at write time otherwise). */
  private int toInteger(float v, DataType type) {
    if (Float.isNaN(v)) {
      v = integerFill;
    }
    double r = Math.rint(v);
    return (int) Math.max(type.minValue(), Math.min(type.maxValue(), r));
  }
}

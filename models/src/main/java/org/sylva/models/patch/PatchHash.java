package org.sylva.models.patch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;
import org.sylva.models.io.Sha256;

/**
 * SHA-256 fingerprint of a patch set, stored in a model's manifest so a model can be traced to the exact
 * data it was trained on. Covers, in order, each patch's dimensions and its input, target and mask floats
 * as little-endian IEEE-754 bits (NaN payloads included): the same patches in the same order give the same
 * hash on any machine; any changed value, reordering or added patch changes it.
 */
public final class PatchHash {

  private PatchHash() {}

  public static String sha256(List<Patch> patches) {
    MessageDigest digest = Sha256.newDigest();
    ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Patch p : patches) {
      header.clear();
      header.putInt(p.channels()).putInt(p.height()).putInt(p.width()).putInt(0);
      digest.update(header.array());
      update(digest, buffer, p.input());
      update(digest, buffer, p.target());
      update(digest, buffer, p.mask());
    }
    return Sha256.hex(digest);
  }

  private static void update(MessageDigest digest, ByteBuffer buffer, float[] values) {
    int i = 0;
    while (i < values.length) {
      buffer.clear();
      int n = Math.min(values.length - i, buffer.capacity() / Float.BYTES);
      for (int k = 0; k < n; k++) {
        buffer.putInt(Float.floatToRawIntBits(values[i + k]));
      }
      digest.update(buffer.array(), 0, buffer.position());
      i += n;
    }
  }

}

package org.sylva.models.tsc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * The exact state of a {@link Random}, as bytes, so a resumed training draws the numbers the interrupted one
 * would have drawn next. Uses {@code Random}'s own serialized form (its 48-bit seed and the cached Gaussian),
 * which the JDK specifies and keeps stable.
 */
public final class RandomStates {

  private static final ObjectInputFilter ONLY_RANDOM =
      ObjectInputFilter.Config.createFilter("java.util.Random;maxdepth=2;maxrefs=8;maxbytes=1024;!*");

  private RandomStates() {}

  public static byte[] save(Random random) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      synchronized (random) {
        out.writeObject(random);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A generator in exactly the saved state; fails on bytes that are not a saved {@code java.util.Random}. */
  public static Random restore(byte[] state) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
      in.setObjectInputFilter(ONLY_RANDOM); // a checkpoint file never makes this JVM build other classes
      Object object = in.readObject();
      if (object.getClass() != Random.class) {
        throw new IllegalArgumentException("not a saved java.util.Random but a " + object.getClass().getName());
      }
      return (Random) object;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("unreadable random state: " + e.getMessage(), e);
    }
  }
}

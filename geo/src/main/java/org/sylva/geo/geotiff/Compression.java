package org.sylva.geo.geotiff;

import java.util.Map;
import java.util.Optional;

/** Tile/strip compressions Sylva reads ({@link #isReadable()}) and writes ({@link #isWritable()}). */
public enum Compression {
  NONE(1, true),
  LZW(5, false),
  /** Adobe Deflate (zlib stream); the old code 32946 reads as this too. */
  DEFLATE(8, true);

  static final int DEFLATE_OLD_CODE = 32946;

  private static final Map<Integer, String> UNSUPPORTED = Map.ofEntries(
      Map.entry(2, "CCITT RLE"), Map.entry(3, "CCITT Group 3"), Map.entry(4, "CCITT Group 4"),
      Map.entry(6, "old-style JPEG"), Map.entry(7, "JPEG"), Map.entry(32773, "PackBits"),
      Map.entry(34676, "SGI LogLuv"), Map.entry(34712, "JPEG 2000"), Map.entry(34887, "LERC"),
      Map.entry(34925, "LZMA"), Map.entry(50000, "ZSTD"), Map.entry(50001, "WebP"), Map.entry(50002, "JPEG XL"));

  private final int code;
  private final boolean writable;

  Compression(int code, boolean writable) {
    this.code = code;
    this.writable = writable;
  }

  /** The TIFF Compression tag value. */
  public int code() {
    return code;
  }

  public boolean isReadable() {
    return true;
  }

  public boolean isWritable() {
    return writable;
  }

  static Optional<Compression> fromCode(int code) {
    if (code == DEFLATE_OLD_CODE) {
      return Optional.of(DEFLATE);
    }
    for (Compression c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A human name for any compression code, e.g. "JPEG (7)". */
  static String describe(int code) {
    return fromCode(code).map(Enum::name).orElse(UNSUPPORTED.getOrDefault(code, "unknown")) + " (" + code + ")";
  }
}

package org.sylva.geo.sentinel2;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sentinel-2 MSI L2A bands Sylva composites, plus the scene classification layer. Each band knows its
 * native resolution and the names providers use for it: the band id ({@code B8A}), the STAC EO common name
 * ({@code nir08}) and Earth Search v1's asset key ({@code rededge1}). Common names are ambiguous in older
 * STAC items (all three red-edge bands are "rededge"), so {@link #fromCommonName} only answers for unique ones.
 */
public enum Sentinel2Band {
  B02("blue", "blue", 10, 490),
  B03("green", "green", 10, 560),
  B04("red", "red", 10, 665),
  B05("rededge", "rededge1", 20, 705),
  B06("rededge", "rededge2", 20, 740),
  B07("rededge", "rededge3", 20, 783),
  B08("nir", "nir", 10, 842),
  B8A("nir08", "nir08", 20, 865),
  B11("swir16", "swir16", 20, 1610),
  B12("swir22", "swir22", 20, 2190),
  SCL(null, "scl", 20, 0);

  /** The ten reflectance bands of the composites, in band order. */
  public static final List<Sentinel2Band> REFLECTANCE = List.of(B02, B03, B04, B05, B06, B07, B08, B8A, B11, B12);

  private final String commonName;
  private final String earthSearchKey;
  private final int resolutionMetres;
  private final int centreWavelengthNm;

  Sentinel2Band(String commonName, String earthSearchKey, int resolutionMetres, int centreWavelengthNm) {
    this.commonName = commonName;
    this.earthSearchKey = earthSearchKey;
    this.resolutionMetres = resolutionMetres;
    this.centreWavelengthNm = centreWavelengthNm;
  }

  public Optional<String> commonName() {
    return Optional.ofNullable(commonName);
  }

  /** Asset key in Earth Search v1 ({@code sentinel-2-l2a} collection, "element84"). */
  public String earthSearchKey() {
    return earthSearchKey;
  }

  public int resolutionMetres() {
    return resolutionMetres;
  }

  public int centreWavelengthNm() {
    return centreWavelengthNm;
  }

  public boolean isReflectance() {
    return this != SCL;
  }

  /** Parses a band id in the usual spellings: "B04", "b4", "B8A", "B8a", "SCL". */
  public static Optional<Sentinel2Band> fromId(String id) {
    String s = id.toUpperCase(Locale.ROOT);
    if (s.equals("SCL")) {
      return Optional.of(SCL);
    }
    if (s.matches("B0?[1-9]A?|B1[0-2]")) {
      String digits = s.substring(1);
      String normal = digits.endsWith("A") ? "B" + digits : (digits.length() == 1 ? "B0" + digits : "B" + digits);
      normal = normal.equals("B08A") ? "B8A" : normal;
      for (Sentinel2Band band : values()) {
        if (band.name().equals(normal)) {
          return Optional.of(band);
        }
      }
    }
    return Optional.empty();
  }

  /** The band with this EO common name, when exactly one band has it (not for "rededge"). */
  public static Optional<Sentinel2Band> fromCommonName(String name) {
    Sentinel2Band found = null;
    for (Sentinel2Band band : values()) {
      if (name.equalsIgnoreCase(band.commonName) || name.equalsIgnoreCase(band.earthSearchKey)) {
        if (found != null && found != band) {
          return Optional.empty();
        }
        found = band;
      }
    }
    return Optional.ofNullable(found);
  }
}

package org.sylva.geo.gedi;

import java.util.Optional;

/**
 * The eight GEDI beams as named by the HDF5 groups of L1B/L2A/L2B granules. The number is what the
 * {@code beam} dataset stores (the group name read as binary: BEAM0101 → 5). BEAM0101, BEAM0110, BEAM1000
 * and BEAM1011 are the full-power beams; the other four are coverage beams (split laser), whose lower
 * energy gives lower sensitivity in dense canopy.
 */
public enum GediBeam {
  BEAM0000(0, false),
  BEAM0001(1, false),
  BEAM0010(2, false),
  BEAM0011(3, false),
  BEAM0101(5, true),
  BEAM0110(6, true),
  BEAM1000(8, true),
  BEAM1011(11, true);

  private final int number;
  private final boolean power;

  GediBeam(int number, boolean power) {
    this.number = number;
    this.power = power;
  }

  /** The value of the {@code beam} dataset for shots of this beam. */
  public int number() {
    return number;
  }

  public boolean isPower() {
    return power;
  }

  /** The beam whose HDF5 group is named {@code groupName}, if it is one of the eight. */
  public static Optional<GediBeam> fromGroupName(String groupName) {
    for (GediBeam beam : values()) {
      if (beam.name().equals(groupName)) {
        return Optional.of(beam);
      }
    }
    return Optional.empty();
  }
}

package org.sylva.geo.sentinel2;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sentinel-2 processing baseline such as "04.00", compared as a version (major, then minor), not as a
 * string or a float: "04.00" ≥ "04.00" > "02.14", and "05.10" > "05.09". Parsed from STAC's
 * {@code s2:processing_baseline} ("05.09"), numeric values (5.09) or SAFE product names ({@code _N0509_}).
 */
public record ProcessingBaseline(int major, int minor) implements Comparable<ProcessingBaseline> {

  /** Baseline 04.00 (January 2022) introduced the BOA_ADD_OFFSET of −1000 in L2A products. */
  public static final ProcessingBaseline OFFSET_INTRODUCED = new ProcessingBaseline(4, 0);

  private static final Pattern DOTTED = Pattern.compile("\\s*(\\d{1,2})\\.(\\d{1,2})\\s*");
  private static final Pattern SAFE = Pattern.compile("_N(\\d{2})(\\d{2})(?:_|$)");

  public static ProcessingBaseline parse(String text) {
    Matcher m = DOTTED.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a processing baseline (expected like \"04.00\"): \"" + text + "\"");
    }
    return new ProcessingBaseline(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The baseline in a SAFE product name, e.g. S2B_MSIL2A_20230612T105629_N0509_R051_T30TXQ_... */
  public static Optional<ProcessingBaseline> fromProductName(String name) {
    Matcher m = SAFE.matcher(name);
    return m.find() ? Optional.of(new ProcessingBaseline(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  @Override
  public int compareTo(ProcessingBaseline o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return String.format("%02d.%02d", major, minor);
  }
}

package org.sylva.geo.sentinel2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the BOA offset of a Sentinel-2 L2A item, in this order:
 * <ol>
 *   <li>an explicit override ({@code --boa-offset}) wins;</li>
 *   <li>{@code earthsearch:boa_offset_applied: true} (Earth Search v1) means the provider already removed
 *       the offset from the DN: offset 0, even though {@code raster:bands} may still list −0.1;</li>
 *   <li>otherwise the processing baseline ({@code s2:processing_baseline}, {@code processing:version} or
 *       {@code _Nxxyy_} in the product name): ≥ 04.00 ⇒ −1000, earlier ⇒ 0;</li>
 *   <li>otherwise an error asking for the option. The acquisition date is deliberately not used:
 *       reprocessed collections (e.g. {@code sentinel-2-c1-l2a}) carry the offset for old dates too.</li>
 * </ol>
 */
public final class BoaOffsetRule {

  private static final Logger LOG = LoggerFactory.getLogger(BoaOffsetRule.class);

  private final Optional<Double> overrideDn;

  private BoaOffsetRule(Optional<Double> overrideDn) {
    this.overrideDn = overrideDn;
  }

  /** Reads the offset from each item's metadata. */
  public static BoaOffsetRule fromMetadata() {
    return new BoaOffsetRule(Optional.empty());
  }

  /** Uses {@code offsetDn} (e.g. −1000 or 0) for every item, whatever the metadata says. */
  public static BoaOffsetRule override(double offsetDn) {
    return new BoaOffsetRule(Optional.of(offsetDn));
  }

  /**
   * @param itemId for messages
   * @param properties the STAC item's {@code properties} (may be empty for plain folders)
   * @param productName a SAFE product name or file path that may contain {@code _Nxxyy_}, or null
   */
  public BoaOffset decide(String itemId, JsonNode properties, String productName) {
    BoaOffset offset = decideQuietly(itemId, properties, productName);
    LOG.info("{}: BOA offset {} DN ({})", itemId, offset.offsetDn(), offset.reason());
    return offset;
  }

  private BoaOffset decideQuietly(String itemId, JsonNode properties, String productName) {
    if (overrideDn.isPresent()) {
      return new BoaOffset(overrideDn.get(), "set by option");
    }
    JsonNode applied = properties.path("earthsearch:boa_offset_applied");
    if (applied.isBoolean() && applied.booleanValue()) {
      return new BoaOffset(0, "earthsearch:boa_offset_applied is true: offset already removed by the provider");
    }
    Optional<ProcessingBaseline> baseline = baseline(itemId, properties);
    String source = baseline.isPresent() ? "processing baseline " + baseline.get() : null;
    if (baseline.isEmpty() && productName != null) {
      baseline = ProcessingBaseline.fromProductName(productName);
      source = "processing baseline " + baseline.map(Object::toString).orElse("") + " from product name";
    }
    if (baseline.isEmpty()) {
      throw new IllegalArgumentException(itemId + ": cannot determine the Sentinel-2 BOA offset (no "
          + "s2:processing_baseline, processing:version or earthsearch:boa_offset_applied, no _Nxxyy_ in the name); "
          + "set it explicitly (--boa-offset -1000 for baseline >= 04.00 data, 0 before)");
    }
    boolean offsetBaseline = baseline.get().compareTo(ProcessingBaseline.OFFSET_INTRODUCED) >= 0;
    return new BoaOffset(offsetBaseline ? BoaOffset.BASELINE_04_OFFSET_DN : 0,
        source + (offsetBaseline ? " >= 04.00" : " < 04.00")
            + (applied.isBoolean() ? ", earthsearch:boa_offset_applied is false" : ""));
  }

  private static Optional<ProcessingBaseline> baseline(String itemId, JsonNode properties) {
    for (String key : new String[] {"s2:processing_baseline", "processing:version", "sentinel:processing_baseline"}) {
      JsonNode value = properties.path(key);
      if (value.isTextual() || value.isNumber()) {
        String text = value.isNumber() ? String.format(java.util.Locale.ROOT, "%.2f", value.doubleValue()) : value.asText();
        try {
          return Optional.of(ProcessingBaseline.parse(text));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(itemId + ": " + key + " " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }
}

package org.sylva.geo.geotiff;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What GDAL records about one band in the GDAL_METADATA tag: description (Sylva's band name, e.g. "B04"),
 * unit ("m", "dB"), scale and offset (physical = stored × scale + offset), and free key/value items.
 * Immutable; items are kept sorted so files are byte-identical for equal metadata.
 */
public record BandMetadata(Optional<String> description, Optional<String> unit, OptionalDouble scale,
    OptionalDouble offset, Map<String, String> items) {

  public BandMetadata {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(offset, "offset");
    items = java.util.Collections.unmodifiableMap(new TreeMap<>(items));
  }

  public static BandMetadata empty() {
    return new BandMetadata(Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Map.of());
  }

  public static BandMetadata named(String description) {
    return empty().withDescription(description);
  }

  public BandMetadata withDescription(String value) {
    return new BandMetadata(Optional.ofNullable(value), unit, scale, offset, items);
  }

  public BandMetadata withUnit(String value) {
    return new BandMetadata(description, Optional.ofNullable(value), scale, offset, items);
  }

  public BandMetadata withScaleOffset(double scaleValue, double offsetValue) {
    return new BandMetadata(description, unit, OptionalDouble.of(scaleValue), OptionalDouble.of(offsetValue), items);
  }

  public BandMetadata withItem(String key, String value) {
    Map<String, String> copy = new TreeMap<>(items);
    copy.put(key, value);
    return new BandMetadata(description, unit, scale, offset, copy);
  }

  boolean isEmpty() {
    return description.isEmpty() && unit.isEmpty() && scale.isEmpty() && offset.isEmpty() && items.isEmpty();
  }
}

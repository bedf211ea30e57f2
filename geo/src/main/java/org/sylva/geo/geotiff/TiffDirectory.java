package org.sylva.geo.geotiff;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;

/** One Image File Directory: its file offset and its fields by tag. Immutable. */
record TiffDirectory(long offset, Map<Integer, TiffField> fields) {

  TiffDirectory {
    fields = Collections.unmodifiableMap(fields);
  }

  boolean has(int tag) {
    return fields.containsKey(tag);
  }

  TiffField field(int tag) {
    return fields.get(tag);
  }

  /** First value of an integer tag, if present. */
  OptionalLong first(int tag) {
    TiffField f = fields.get(tag);
    if (f == null) {
      return OptionalLong.empty();
    }
    long[] v = f.asLongs();
    return v.length == 0 ? OptionalLong.empty() : OptionalLong.of(v[0]);
  }

  long first(int tag, long defaultValue) {
    return first(tag).orElse(defaultValue);
  }

  long[] longs(int tag) {
    TiffField f = fields.get(tag);
    return f == null ? null : f.asLongs();
  }

  double[] doubles(int tag) {
    TiffField f = fields.get(tag);
    return f == null ? null : f.asDoubles();
  }

  String text(int tag) {
    TiffField f = fields.get(tag);
    return f == null ? null : f.text();
  }

  int subfileType() {
    return (int) first(TiffTags.NEW_SUBFILE_TYPE, 0);
  }
}

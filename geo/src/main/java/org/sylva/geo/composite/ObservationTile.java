package org.sylva.geo.composite;

import java.io.IOException;

/**
 * An observation over one tile. {@link #valid()} marks the pixels that count as observed (e.g. not cloud,
 * shadow or nodata in SCL); {@link #band(int)} returns a band's physical values, row-major, where values at
 * invalid pixels are ignored and NaN values are skipped for that band. Bands are read on demand so the
 * compositor can hold one band of every observation at a time. Used by one thread.
 */
public interface ObservationTile {

  boolean[] valid();

  float[] band(int index) throws IOException;
}

package org.sylva.geo.ingest;

import java.io.IOException;

/**
 * A problem that stops an ingestion (no usable Sentinel-2 item, a CRS that cannot be transformed to the
 * target grid, an output folder that cannot be written): one line saying what and where. Nothing is left
 * in the output folder.
 */
public class IngestException extends IOException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.sylva.models.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON settings of Sylva's own files (manifests, checkpoint state): indented, map keys sorted so the
 * same content always gives the same bytes, unknown properties ignored on reading so newer files stay
 * readable where they only add fields.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code value} as JSON to {@code file} atomically. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, MAPPER.writeValueAsString(value) + "\n");
  }

  public static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(file.toFile(), type);
  }
}

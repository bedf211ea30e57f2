package org.sylva.geo.gedi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sylva.geo.testing.ExternalTools;

/** Writes GEDI02_A fixtures with h5py (make_gedi_fixture.py) and returns the values h5py stored. */
final class GediFixtures {

  private GediFixtures() {}

  static JsonNode write(Path out, String mode, String... options) throws IOException {
    ExternalTools.requirePythonModules("h5py", "numpy");
    String script;
    try (InputStream in = GediFixtures.class.getResourceAsStream("make_gedi_fixture.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> args = new ArrayList<>(List.of(out.toString(), mode));
    args.addAll(List.of(options));
    String stdout = ExternalTools.python(script, args.toArray(String[]::new));
    return new ObjectMapper().readTree(stdout);
  }

  static GediShotBatch readBeam(Path file, GediBeam beam) throws IOException {
    try (GediL2aReader reader = GediL2aReader.open(file)) {
      return reader.readBeam(beam);
    }
  }
}

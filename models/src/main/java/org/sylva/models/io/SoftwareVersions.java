package org.sylva.models.io;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions of the software that produced an artefact, recorded so a model can be traced and reproduced.
 *
 * @param sylva Sylva version (Maven project version)
 * @param djl Deep Java Library version
 * @param engine deep-learning engine and its version, e.g. {@code "PyTorch 2.7.1"}
 * @param java Java runtime version
 */
public record SoftwareVersions(String sylva, String djl, String engine, String java) {

  public static SoftwareVersions current() {
    Engine engine = Engine.getInstance();
    return new SoftwareVersions(sylvaVersion(), Engine.getDjlVersion(), engine.getEngineName() + " " + engine.getVersion(),
        System.getProperty("java.version"));
  }

  public static String sylvaVersion() {
    try (InputStream in = SoftwareVersions.class.getResourceAsStream("/org/sylva/models/version.properties")) {
      Properties props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer benchmark script (rasterio, h5py, PyTorch...) with Debian's {@code /usr/bin/python3} and
 * reads the JSON object it prints as its last line of stdout. Scripts live as resources next to the bench
 * classes so the peer code is versioned with the Sylva code it is compared to.
 */
public final class PythonPeer {

  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private PythonPeer() {}

  /** Whether Debian's python3 imports all modules named (e.g. "torch", "rasterio"). */
  public static boolean available(String... modules) {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs the script resource {@code /org/sylva/pipelines/bench/<script>} with arguments and returns the
   * JSON printed on its last stdout line. Python's stderr is passed through so its progress shows.
   */
  public static JsonNode run(String script, List<String> args, long timeoutSeconds) throws IOException {
    Path file = Files.createTempFile("sylva-peer-", ".py");
    try (InputStream in = PythonPeer.class.getResourceAsStream("/org/sylva/pipelines/bench/" + script)) {
      if (in == null) {
        throw new IOException("peer script " + script + " is not on the classpath");
      }
      Files.write(file, in.readAllBytes());
      List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(script + " did not finish within " + timeoutSeconds + " s");
      }
      String out = new String(stdout, StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new IOException(script + " exited " + process.exitValue() + ": " + out);
      }
      String last = out.substring(out.lastIndexOf('\n') + 1);
      return new ObjectMapper().readTree(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + script, e);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

package org.sylva.geo.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools that tests cross-check against: GDAL's command-line programs and Debian's
 * {@code /usr/bin/python3} with rasterio, h5py, numpy, torch. On a developer machine without them the
 * cross-checks are skipped with the reason; CI sets {@code SYLVA_REQUIRE_INTEROP=1} (see {@code .ci/run}),
 * where a missing tool fails the test instead, so CI never silently skips a cross-check.
 */
public final class ExternalTools {

  /** Debian's interpreter: a pyenv {@code python3} on PATH does not see Debian's python3-* packages. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private ExternalTools() {}

  /** Skips (or in CI fails) the calling test unless the program is on PATH. */
  public static void requireProgram(String program) {
    require(findOnPath(program) != null, program + " is not installed (Debian package gdal-bin)");
  }

  /** Skips (or in CI fails) the calling test unless Debian's python3 imports every module named. */
  public static void requirePythonModules(String... modules) {
    boolean ok = Files.isExecutable(PYTHON);
    if (ok) {
      try {
        ok = run(List.of(PYTHON.toString(), "-c", "import " + String.join(", ", modules)), 120).exitCode() == 0;
      } catch (IOException e) {
        ok = false;
      }
    }
    require(ok, "/usr/bin/python3 cannot import " + String.join(", ", modules) + " (install Debian python3-* packages)");
  }

  /** Runs a Python snippet with Debian's interpreter; fails the test if it exits non-zero. */
  public static String python(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
    command.addAll(List.of(args));
    return runChecked(command, 600);
  }

  /** Runs a command; fails the test with its output if it exits non-zero. Returns stdout. */
  public static String runChecked(List<String> command, int timeoutSeconds) throws IOException {
    Result result = run(command, timeoutSeconds);
    if (result.exitCode() != 0) {
      fail(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.stderr() + result.stdout());
    }
    return result.stdout();
  }

  /** The outcome of a finished command. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public static Result run(List<String> command, int timeoutSeconds) throws IOException {
    Path out = Files.createTempFile("sylva-tool", ".out");
    Path err = Files.createTempFile("sylva-tool", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void require(boolean available, String reason) {
    if (!available && "1".equals(System.getenv("SYLVA_REQUIRE_INTEROP"))) {
      fail(reason + " but SYLVA_REQUIRE_INTEROP=1");
    }
    assumeTrue(available, reason);
  }

  private static Path findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}

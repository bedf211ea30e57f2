package org.sylva.pipelines.cli;

import picocli.CommandLine;

/**
 * Prints a failed command as one line, {@code sylva: <message>}, and returns exit code 1. Users see what
 * went wrong and which file; developers set {@code SYLVA_DEBUG=1} (or {@code -Dsylva.debug=true}) for the
 * stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
    if (debugEnabled()) {
      ex.printStackTrace(cli.getErr());
    }
    cli.getErr().println("sylva: " + describe(ex));
    return 1;
  }

  static String describe(Throwable ex) {
    Throwable t = ex;
    // Unwrap framework wrappers (Beam's PipelineExecutionException, UncheckedIOException...) to the cause
    // that names the file and the problem.
    while (t.getCause() != null && (t.getMessage() == null || isWrapper(t))) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static boolean isWrapper(Throwable t) {
    String name = t.getClass().getName();
    return name.endsWith("PipelineExecutionException")
        || name.equals("java.io.UncheckedIOException")
        || name.equals("java.util.concurrent.ExecutionException")
        || name.equals("java.util.concurrent.CompletionException")
        || (t instanceof RuntimeException && t.getCause() != null && t.getMessage() != null
            && t.getMessage().equals(t.getCause().toString()));
  }

  private static boolean debugEnabled() {
    return Boolean.getBoolean("sylva.debug") || "1".equals(System.getenv("SYLVA_DEBUG"));
  }
}

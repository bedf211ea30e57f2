package org.sylva.pipelines.tsc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Published accuracies of the reimplemented classifiers (dl-4-tsc and InceptionTime papers) for the
 * datasets Sylva can generate, from the resource {@code published_accuracy.csv} which cites its sources. The
 * accuracy table shows them beside Sylva's so a reproduction can be judged at a glance.
 */
public final class PublishedAccuracy {

  /** A published figure; {@code std} is null when the source gives a single run. */
  public record Entry(double accuracy, Double std, String source) {}

  private static final Map<String, Entry> ENTRIES = load();

  private PublishedAccuracy() {}

  public static Optional<Entry> lookup(String dataset, String model) {
    return Optional.ofNullable(ENTRIES.get(dataset + "/" + model));
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> entries = new HashMap<>();
    try (InputStream in = PublishedAccuracy.class.getResourceAsStream("published_accuracy.csv")) {
      if (in == null) {
        throw new IllegalStateException("resource published_accuracy.csv is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        entries.put(f[0] + "/" + f[1], new Entry(Double.parseDouble(f[2]),
            f[3].isEmpty() ? null : Double.valueOf(f[3]), f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(entries);
  }
}

package org.sylva.models.tsc.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;

/**
 * The generated datasets (seed 42, archive sizes), each written and loaded when a test of the class first asks
 * for it, with PyTorch on one thread while the tests run (fastest for these small networks); the previous
 * thread count is restored after.
 */
final class GeneratedDatasets implements BeforeAllCallback, AfterAllCallback {

  private final Map<SyntheticDataset, TrainTestSplit> loaded = new EnumMap<>(SyntheticDataset.class);
  private Path archive;
  private int previousThreads;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    previousThreads = TorchThreads.set(1);
    archive = Files.createTempDirectory("sylva-tsc");
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    TorchThreads.set(previousThreads);
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  TrainTestSplit data(SyntheticDataset dataset) {
    return loaded.computeIfAbsent(dataset, d -> {
      try {
        SyntheticArchive.write(archive, d, 42);
        return TscArchive.load(archive, d.archiveName(), Preprocessing.defaults());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A folder for more generated data, removed with the dataset. */
  Path archive() {
    return archive;
  }
}

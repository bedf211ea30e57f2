package org.sylva.models.tsc.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * The generated CBF dataset (seed 42, archive sizes) for the training tests of a class, with PyTorch on one
 * thread while they run (fastest for these small networks); the previous thread count is restored after.
 */
final class GeneratedCbf implements BeforeAllCallback, AfterAllCallback {

  private Path archive;
  private TrainTestSplit data;
  private int previousThreads;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    previousThreads = TorchThreads.set(1);
    archive = Files.createTempDirectory("sylva-cbf");
    SyntheticArchive.write(archive, SyntheticDataset.CBF, 42);
    data = TscArchive.load(archive, "CBF", Preprocessing.defaults());
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

  TrainTestSplit data() {
    return data;
  }

  /** A folder for more generated data, removed with the dataset. */
  Path archive() {
    return archive;
  }
}

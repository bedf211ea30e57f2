package org.sylva.models.tsc.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import org.sylva.models.io.AtomicFiles;

/**
 * Writes generated datasets as a UCR 2018 archive: {@code <dir>/<Name>/<Name>_TRAIN.tsv} and
 * {@code _TEST.tsv}, one case per line, the 1-based class label then the values, tab separated. The files
 * go through the same reader as a real download. Values are written as the shortest decimal that reads
 * back as the same {@code float} (what the networks train on), so a seed gives the same bytes.
 */
public final class SyntheticArchive {

  private SyntheticArchive() {}

  /** Writes {@code dataset} with the archive's split sizes; returns the dataset folder. */
  public static Path write(Path dir, SyntheticDataset dataset, long seed) throws IOException {
    return write(dir, dataset, seed, dataset.trainSize(), dataset.testSize());
  }

  /** Writes {@code dataset} with given split sizes (smaller sets for tests); returns the dataset folder. */
  public static Path write(Path dir, SyntheticDataset dataset, long seed, int trainSize, int testSize)
      throws IOException {
    Path folder = dir.resolve(dataset.archiveName());
    writeSplit(folder.resolve(dataset.archiveName() + "_TRAIN.tsv"), dataset.generate(seed, "TRAIN", trainSize));
    writeSplit(folder.resolve(dataset.archiveName() + "_TEST.tsv"), dataset.generate(seed, "TEST", testSize));
    return folder;
  }

  private static void writeSplit(Path file, SyntheticDataset.Cases cases) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cases.series().length; i++) {
      out.append(cases.classes()[i] + 1);
      for (double v : cases.series()[i]) {
        out.append('\t').append(Float.toString((float) v));
      }
      out.append('\n');
    }
    AtomicFiles.writeString(file, out.toString());
  }
}

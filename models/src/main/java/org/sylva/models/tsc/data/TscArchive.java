package org.sylva.models.tsc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds and loads datasets in a downloaded UCR/UEA archive. A dataset {@code <Name>} is a folder holding
 * {@code <Name>_TRAIN} and {@code <Name>_TEST} files, either UCR 2018 {@code .tsv} or sktime/UEA
 * {@code .ts}. The folder may sit directly in the archive directory or under the archive's own top folders
 * ({@code UCRArchive_2018/}, {@code Univariate_ts/}, {@code Multivariate_ts/}), so both the unzipped UCR
 * download and the UEA/timeseriesclassification.com zips work as they are.
 */
public final class TscArchive {

  /** Top folders of the archive downloads, searched after the archive directory itself. */
  static final List<String> SUBFOLDERS = List.of("", "UCRArchive_2018", "Univariate_ts", "Multivariate_ts");

  /** The two files of one dataset and their format. */
  public record DatasetFiles(String dataset, Path train, Path test, Format format) {}

  /** Archive file formats, in the order they are looked for. */
  public enum Format {
    TSV(".tsv"),
    TS(".ts");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }

    public RawSplit read(Path file) throws IOException {
      return this == TSV ? UcrTsvReader.read(file) : SktimeTsReader.read(file);
    }
  }

  private TscArchive() {}

  /** The train/test files of {@code dataset}; an error listing the places looked at when absent. */
  public static DatasetFiles locate(Path archive, String dataset) throws IOException {
    if (!Files.isDirectory(archive)) {
      throw new IOException(archive + ": archive directory does not exist");
    }
    List<String> tried = new ArrayList<>();
    for (String sub : SUBFOLDERS) {
      Path folder = (sub.isEmpty() ? archive : archive.resolve(sub)).resolve(dataset);
      for (Format format : Format.values()) {
        Path train = folder.resolve(dataset + "_TRAIN" + format.extension());
        Path test = folder.resolve(dataset + "_TEST" + format.extension());
        if (Files.isRegularFile(train) && Files.isRegularFile(test)) {
          return new DatasetFiles(dataset, train, test, format);
        }
        if (Files.isRegularFile(train) != Files.isRegularFile(test)) {
          throw new IOException((Files.isRegularFile(train) ? test : train) + ": missing (its "
              + (Files.isRegularFile(train) ? "training" : "test") + " twin exists)");
        }
      }
      tried.add(archive.relativize(folder) + "/");
    }
    throw new IOException(archive + ": no dataset " + dataset + " (looked for " + dataset + "_TRAIN.tsv/.ts in "
        + String.join(", ", tried) + ")");
  }

  /** Reads and preprocesses both splits of {@code dataset}. */
  public static TrainTestSplit load(Path archive, String dataset, Preprocessing preprocessing) throws IOException {
    DatasetFiles files = locate(archive, dataset);
    RawSplit train = files.format().read(files.train());
    RawSplit test = files.format().read(files.test());
    return preprocessing.apply(dataset, train, test);
  }

  /** Names of the datasets found in the archive (folders with both split files), sorted. */
  public static List<String> datasets(Path archive) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (String sub : SUBFOLDERS) {
      Path dir = sub.isEmpty() ? archive : archive.resolve(sub);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> folders = Files.list(dir)) {
        for (Path folder : folders.filter(Files::isDirectory).toList()) {
          String name = folder.getFileName().toString();
          for (Format format : Format.values()) {
            if (Files.isRegularFile(folder.resolve(name + "_TRAIN" + format.extension()))
                && Files.isRegularFile(folder.resolve(name + "_TEST" + format.extension()))) {
              names.add(name);
            }
          }
        }
      }
    }
    return List.copyOf(names);
  }
}

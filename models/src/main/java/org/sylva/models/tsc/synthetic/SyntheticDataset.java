package org.sylva.models.tsc.synthetic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.sylva.models.tsc.Seeds;
import org.sylva.models.tsc.data.Preprocessing;

/**
 * The UCR datasets that are defined by a generator, with the archive's train/test sizes and series
 * lengths, so they can be made offline. Classes are balanced (the archive's splits are close to balanced)
 * and the cases shuffled; train and test come from separate seeded streams.
 */
public enum SyntheticDataset {
  CBF("CBF", new CylinderBellFunnel(), 30, 900, true),
  SYNTHETIC_CONTROL("SyntheticControl", new SyntheticControl(), 300, 300, false),
  TWO_PATTERNS("TwoPatterns", new TwoPatterns(), 1000, 4000, true);

  /** Generated cases of one split: {@code series[i]} has class index {@code classes[i]} (0-based). */
  public record Cases(double[][] series, int[] classes) {}

  private final String archiveName;
  private final SeriesGenerator generator;
  private final int trainSize;
  private final int testSize;
  private final boolean storedZNormalised;

  SyntheticDataset(String archiveName, SeriesGenerator generator, int trainSize, int testSize, boolean storedZNormalised) {
    this.archiveName = archiveName;
    this.generator = generator;
    this.trainSize = trainSize;
    this.testSize = testSize;
    this.storedZNormalised = storedZNormalised;
  }

  /** The dataset's folder and file name in the UCR archive, e.g. {@code SyntheticControl}. */
  public String archiveName() {
    return archiveName;
  }

  public SeriesGenerator generator() {
    return generator;
  }

  public int trainSize() {
    return trainSize;
  }

  public int testSize() {
    return testSize;
  }

  /**
   * Whether the archive stores this dataset z-normalised (CBF and TwoPatterns are; SyntheticControl keeps
   * its raw values around 30), so the written files look like the archive's.
   */
  public boolean storedZNormalised() {
    return storedZNormalised;
  }

  public static Optional<SyntheticDataset> byArchiveName(String name) {
    return Arrays.stream(values()).filter(d -> d.archiveName.equalsIgnoreCase(name)).findFirst();
  }

  public static List<String> archiveNames() {
    return Arrays.stream(values()).map(SyntheticDataset::archiveName).toList();
  }

  /**
   * Generates {@code size} cases of split {@code "TRAIN"} or {@code "TEST"}: class {@code i mod k} for the
   * i-th case before a seeded shuffle, values as the archive stores them.
   */
  public Cases generate(long seed, String split, int size) {
    Random random = new Random(Seeds.derive(seed, archiveName, split));
    int k = generator.classCount();
    int[] classes = new int[size];
    for (int i = 0; i < size; i++) {
      classes[i] = i % k;
    }
    for (int i = size - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      int t = classes[i];
      classes[i] = classes[j];
      classes[j] = t;
    }
    double[][] series = new double[size][];
    for (int i = 0; i < size; i++) {
      double[] x = generator.generate(classes[i], random);
      series[i] = storedZNormalised ? Preprocessing.zNormalised(x) : x;
    }
    return new Cases(series, classes);
  }
}

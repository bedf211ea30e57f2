package org.sylva.models.tsc.data;

/** The train and test split of one dataset, preprocessed alike and sharing one {@link ClassLabels} mapping. */
public record TrainTestSplit(String dataset, TimeSeriesDataset train, TimeSeriesDataset test) {

  public TrainTestSplit {
    if (!train.classes().equals(test.classes())) {
      throw new IllegalArgumentException(dataset + ": train and test use different class mappings");
    }
    if (train.channels() != test.channels() || train.length() != test.length()) {
      throw new IllegalArgumentException(dataset + ": train and test differ in channels or length");
    }
  }
}

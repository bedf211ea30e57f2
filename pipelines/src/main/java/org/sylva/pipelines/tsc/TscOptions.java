package org.sylva.pipelines.tsc;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.sylva.models.tsc.data.LengthPolicy;
import org.sylva.pipelines.common.SylvaPipelineOptions;

/**
 * Options of the {@code sylva tsc} pipeline. Beam's own options pass through unchanged, e.g.
 * {@code --runner=FlinkRunner --flinkMaster=host:8081 --parallelism=4} (the run folder must then be on a
 * file system every worker sees).
 */
public interface TscOptions extends SylvaPipelineOptions {

  @Description("Datasets, comma separated: folder names in --archive, or the generated CBF, SyntheticControl "
      + "and TwoPatterns when no archive is given ('all' = every dataset in the archive).")
  @Default.String("CBF,SyntheticControl,TwoPatterns")
  String getDatasets();

  void setDatasets(String value);

  @Description("Classifiers, comma separated: MLP, FCN, ResNet, InceptionTime.")
  @Default.String("FCN,ResNet")
  String getModels();

  void setModels(String value);

  @Description("Independent runs (seeds) per dataset and classifier; tables give the mean and standard deviation.")
  @Default.Integer(1)
  int getRuns();

  void setRuns(int value);

  @Description("Quick profile: 1/20 of the paper's epochs (MLP 250, FCN 100, ResNet 75, InceptionTime 75), for "
      + "smoke tests; accuracy is lower than the paper's.")
  @Default.Boolean(false)
  boolean getQuick();

  void setQuick(boolean value);

  @Description("Directory of a UCR/UEA archive download (<Name>/<Name>_TRAIN.tsv or .ts, also under "
      + "UCRArchive_2018/, Univariate_ts/, Multivariate_ts/). Empty: generate CBF, SyntheticControl and "
      + "TwoPatterns into <run folder>/data and use those.")
  @Default.String("")
  String getArchive();

  void setArchive(String value);

  @Description("Epochs for every classifier, overriding the profile; 0 keeps the profile's (paper: MLP 5000, "
      + "FCN 2000, ResNet 1500, InceptionTime 1500).")
  @Default.Integer(0)
  int getEpochsOverride();

  void setEpochsOverride(int value);

  @Description("z-normalise every series (each case and dimension on its own), as dl-4-tsc does.")
  @Default.Boolean(true)
  boolean getNormalise();

  void setNormalise(boolean value);

  @Description("How unequal lengths become one: RESAMPLE (linear interpolation to the longest length) or "
      + "PAD_ZEROS (zeros appended).")
  @Default.Enum("RESAMPLE")
  LengthPolicy getLengthPolicy();

  void setLengthPolicy(LengthPolicy value);

  @Description("On the DirectRunner, how many cells train at once (its --targetParallelism); 0 = every cell at "
      + "once, up to 32. The DirectRunner hands out work in waves of that size, so a long cell would otherwise idle "
      + "the threads that finished theirs.")
  @Default.Integer(0)
  int getCellParallelism();

  void setCellParallelism(int value);

  @Description("PyTorch threads per training (0 = the engine's default). 1 is fastest when the runner trains "
      + "several networks at once on few cores.")
  @Default.Integer(1)
  int getTorchThreads();

  void setTorchThreads(int value);

  @Description("Minutes of training between two checkpoints of a cell (its network, optimiser, schedule and random "
      + "state); a cell of a failed or killed run continues from its last checkpoint when the same command runs "
      + "again, with the same result as if it had never stopped. 0 = no checkpoints.")
  @Default.Integer(10)
  int getCheckpointMinutes();

  void setCheckpointMinutes(int value);

  @Description("Folder for the run's checkpoint folder <runName>.checkpoints, on a file system every worker sees; "
      + "empty = <outputDir>/.<runName>.checkpoints. The checkpoint folder is removed when the run succeeds.")
  @Default.String("")
  String getCheckpointDir();

  void setCheckpointDir(String value);
}

package org.sylva.pipelines.canopy;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.sylva.pipelines.common.SylvaPipelineOptions;

/**
 * Options of {@code sylva canopy}, in Beam's syntax ({@code --name=value}); Beam's runner options pass
 * through ({@code --runner=FlinkRunner --flinkMaster=host:port --parallelism=N}). The defaults run the
 * whole study on the built-in demo scene within the README's time budget on 2 cores.
 */
public interface CanopyOptions extends SylvaPipelineOptions {

  // --- input ---------------------------------------------------------------------------------------------

  @Description("Size in pixels (10 m) of the square demo scene used as input (default scene: 2000, i.e. 20 x 20 km).")
  @Default.Integer(2000)
  int getDemoSize();

  void setDemoSize(int value);

  @Description("Sentinel-2 dates of the demo scene (12 = one a month).")
  @Default.Integer(12)
  int getDemoSentinel2Dates();

  void setDemoSentinel2Dates(int value);

  @Description("Sentinel-1 dates of the demo scene.")
  @Default.Integer(30)
  int getDemoSentinel1Dates();

  void setDemoSentinel1Dates(int value);

  @Description("Folder where the demo scene's composites are kept and reused; empty: .sylva-cache in the Sylva"
      + " folder, else ~/.cache/sylva.")
  @Default.String("")
  String getCacheDir();

  void setCacheDir(String value);

  @Description("Folder written by `sylva ingest` (real Sentinel-1/2 composites and GEDI targets) to use instead of"
      + " the demo scene; empty: the demo scene.")
  @Default.String("")
  String getIngested();

  void setIngested(String value);

  // --- dataset -------------------------------------------------------------------------------------------

  @Description("Patch width and height in pixels (10 m). Smaller patches give more, less contextual samples.")
  @Default.Integer(128)
  int getPatchSize();

  void setPatchSize(int value);

  @Description("Patches per side of a spatial block; whole blocks go to train, validation or test.")
  @Default.Integer(2)
  int getBlockPatches();

  void setBlockPatches(int value);

  @Description("Train, validation and test shares of the blocks, comma-separated.")
  @Default.String("0.7,0.15,0.15")
  String getSplitFractions();

  void setSplitFractions(String value);

  @Description("Targets within this many pixels of an edge between blocks of different splits are dropped.")
  @Default.Integer(8)
  int getBufferPixels();

  void setBufferPixels(int value);

  @Description("Least number of GEDI target pixels a patch needs to enter the dataset.")
  @Default.Integer(20)
  int getMinTargetPixels();

  void setMinTargetPixels(int value);

  @Description("GEDI relative height used as the target: rh98 or rh95.")
  @Default.String("rh98")
  String getTargetMetric();

  void setTargetMetric(String value);

  // --- variants and training -----------------------------------------------------------------------------

  @Description("YAML or JSON file with the input variants and spectral indices; empty: the seven variants of the"
      + " study (S1; S2 10 m; S2 all; S2 all + S1; S2 10 m + S1; S2 all + indices; S2 all + S1 + indices).")
  @Default.String("")
  String getVariants();

  void setVariants(String value);

  @Description("U-Net depth (2x down-sampling steps).")
  @Default.Integer(3)
  int getUnetDepth();

  void setUnetDepth(int value);

  @Description("U-Net channels at full resolution (doubling at each level).")
  @Default.Integer(8)
  int getUnetWidth();

  void setUnetWidth(int value);

  @Description("Dropout rate of the U-Net (0 = none). Needed (> 0) for the uncertainty band; variants with dropout"
      + " train one at a time per worker to stay reproducible.")
  @Default.Double(0)
  double getDropout();

  void setDropout(double value);

  @Description("Maximum training epochs per variant.")
  @Default.Integer(16)
  int getEpochs();

  void setEpochs(int value);

  @Description("Early stopping: epochs without a better validation MAE before a variant stops (0 = never).")
  @Default.Integer(5)
  int getPatience();

  void setPatience(int value);

  @Description("Patches per optimiser step.")
  @Default.Integer(8)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("Peak learning rate of AdamW (cosine schedule). 0.002 made the 16-band variant diverge on the demo scene.")
  @Default.Double(0.001)
  double getLearningRate();

  void setLearningRate(double value);

  @Description("AdamW weight decay.")
  @Default.Double(0.0001)
  double getWeightDecay();

  void setWeightDecay(double value);

  @Description("Masked loss on the GEDI pixels: l1, l2, huber or huber:<delta in m>.")
  @Default.String("huber:1")
  String getLoss();

  void setLoss(String value);

  @Description("Random flips and rotations of training patches.")
  @Default.Boolean(true)
  boolean getAugment();

  void setAugment(boolean value);

  @Description("PyTorch intra-op threads per worker JVM. Results are bit-identical only for the same value;"
      + " parallelism comes from training variants and predicting strips at the same time.")
  @Default.Integer(1)
  int getTorchThreads();

  void setTorchThreads(int value);

  // --- map -----------------------------------------------------------------------------------------------

  @Description("Map sample type: float32 (metres, NaN nodata) or uint16 (decimetres, nodata 65535, scale 0.1).")
  @Default.String("float32")
  String getMapFormat();

  void setMapFormat(String value);

  @Description("Monte-Carlo dropout passes for a second band with the prediction's standard deviation (0 = none;"
      + " needs --dropout > 0).")
  @Default.Integer(0)
  int getUncertaintyPasses();

  void setUncertaintyPasses(int value);

  @Description("Tile size of the tiled inference, pixels.")
  @Default.Integer(256)
  int getTileSize();

  void setTileSize(int value);

  @Description("Overlap of neighbouring inference tiles, pixels (blended).")
  @Default.Integer(32)
  int getTileOverlap();

  void setTileOverlap(int value);

  @Description("Map rows per parallel prediction strip.")
  @Default.Integer(512)
  int getStripRows();

  void setStripRows(int value);

  @Description("Folder for the run's staging copy when --outputDir is not a local folder (s3://, gs://); it must be"
      + " visible to every worker. Empty: the system temporary folder.")
  @Default.String("")
  String getStagingDir();

  void setStagingDir(String value);
}

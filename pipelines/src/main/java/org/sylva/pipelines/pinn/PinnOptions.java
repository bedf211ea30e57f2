package org.sylva.pipelines.pinn;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.sylva.pipelines.common.SylvaPipelineOptions;

/**
 * Options of the PINN sweep pipeline. List-valued options are comma separated; an empty value means
 * "take it from the profile". Every option can also be given as a Beam argument ({@code --widths=20,40}),
 * beside Beam's own ({@code --runner=FlinkRunner --flinkMaster=host:8081 --parallelism=4}).
 */
public interface PinnOptions extends SylvaPipelineOptions {

  @Description("Training budget: quick (seconds, smoke runs), default (minutes) or long (best accuracy).")
  @Default.String("default")
  String getProfile();

  void setProfile(String value);

  @Description("Comma-separated PDEs to sweep (burgers, heat, poisson).")
  @Default.String("burgers")
  String getPdes();

  void setPdes(String value);

  @Description("PDE parameters as pde.name=value pairs, e.g. burgers.viscosity=0.005,heat.diffusivity=0.2.")
  @Default.String("")
  String getPdeParameters();

  void setPdeParameters(String value);

  @Description("Comma-separated hidden-layer widths; empty: profile.")
  @Default.String("")
  String getWidths();

  void setWidths(String value);

  @Description("Comma-separated numbers of hidden layers; empty: profile.")
  @Default.String("")
  String getDepths();

  void setDepths(String value);

  @Description("Comma-separated numbers of interior collocation points; empty: profile.")
  @Default.String("")
  String getCollocation();

  void setCollocation(String value);

  @Description("Points per boundary/initial condition; empty: profile.")
  @Default.String("")
  String getConditionPoints();

  void setConditionPoints(String value);

  @Description("Comma-separated weights of the boundary/initial loss terms (residual weight 1).")
  @Default.String("1")
  String getConditionWeights();

  void setConditionWeights(String value);

  @Description("Comma-separated training seeds (collocation design and initial weights); empty: --seed.")
  @Default.String("")
  String getSeeds();

  void setSeeds(String value);

  @Description("Adam steps before L-BFGS; -1: profile.")
  @Default.Integer(-1)
  int getAdamSteps();

  void setAdamSteps(int value);

  @Description("Adam learning rate.")
  @Default.Double(1e-3)
  double getAdamLearningRate();

  void setAdamLearningRate(double value);

  @Description("L-BFGS iterations after Adam (0: Adam only); -1: profile.")
  @Default.Integer(-1)
  int getLbfgsIterations();

  void setLbfgsIterations(int value);

  @Description("Collocation design: lhs (Latin hypercube) or sobol (randomly shifted Sobol sequence).")
  @Default.String("lhs")
  String getSampling();

  void setSampling(String value);

  @Description("YAML or JSON sweep file; its fields replace the matching options (see README).")
  @Default.String("")
  String getSweepFile();

  void setSweepFile(String value);

  @Description("PyTorch intra-op threads per training. 1 lets the runner train configurations in parallel "
      + "and avoids OpenMP spin-waiting on a busy machine.")
  @Default.Integer(1)
  int getTorchThreads();

  void setTorchThreads(int value);
}

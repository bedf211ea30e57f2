package org.sylva.pipelines.raster;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sylva raster <info|cog>}: inspect and convert GeoTIFFs. */
@Command(
    name = "raster",
    description = "Inspect GeoTIFFs and convert them to Cloud-Optimized GeoTIFFs.",
    mixinStandardHelpOptions = true,
    subcommands = {RasterInfoCommand.class, RasterCogCommand.class})
public final class RasterCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

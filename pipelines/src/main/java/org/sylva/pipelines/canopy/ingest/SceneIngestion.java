package org.sylva.pipelines.canopy.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import org.sylva.geo.progress.ProgressListener;

/**
 * Where the canopy pipeline's inputs come from and how they become an {@link IngestedStack}: composites,
 * GEDI footprints and targets on one 10 m grid. Serializable, so the pipeline ships it to the worker that
 * runs the ingest stage; implementations hold only absolute paths and plain settings.
 */
public interface SceneIngestion extends Serializable {

  /** One line for progress output and the report, e.g. "demo scene, seed 42, 2000 x 2000 px". */
  String describe();

  /** What went in, for {@code run.json}: source paths and settings. */
  Map<String, Object> manifest();

  /** Ingests into {@code workDir} (created if needed) and describes the result. */
  IngestedStack ingest(Path workDir, ProgressListener progress) throws IOException;
}

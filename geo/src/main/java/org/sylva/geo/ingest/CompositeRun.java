package org.sylva.geo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sylva.geo.composite.CogCompositeSink;
import org.sylva.geo.composite.CompositeReport;
import org.sylva.geo.composite.Observation;
import org.sylva.geo.composite.ObservationTile;
import org.sylva.geo.composite.TemporalCompositor;
import org.sylva.geo.ingest.IngestProblem.Stage;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.GridGeometry;

/**
 * Runs a compositor into a COG, leaving out observations whose data turns out unreadable part-way (a corrupt
 * tile deep in a COG is only found when it is decoded): the failing observation is recorded as an
 * {@link IngestProblem}, the partial output is discarded (the sink aborts) and the composite is run again
 * without it, so the result never mixes tiles with and without an acquisition.
 */
final class CompositeRun {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeRun.class);

  private CompositeRun() {}

  /** An observation's data could not be read. */
  static final class ObservationFailure extends IOException {
    private static final long serialVersionUID = 1L;
    final String observationId;

    ObservationFailure(String observationId, Throwable cause) {
      super(SceneCatalog.oneLine(cause), cause);
      this.observationId = observationId;
    }
  }

  static CompositeResult run(TemporalCompositor compositor, List<Observation> observations, int itemsInRange,
      Path target, int threads, Stage stage, List<IngestProblem> problems, ProgressListener progress) throws IOException {
    List<IngestProblem> ownProblems = new ArrayList<>(problems);
    List<Observation> remaining = new ArrayList<>();
    for (Observation o : observations) {
      remaining.add(new Guarded(o));
    }
    while (true) {
      if (remaining.isEmpty()) {
        throw new IngestException(noneUsable(stage, itemsInRange, ownProblems));
      }
      try {
        CompositeReport report = compositor.run(remaining, new CogCompositeSink(target, threads), progress);
        List<String> bands = compositor.outputBands(remaining.get(0).bandNames());
        return new CompositeResult(target, bands, itemsInRange, remaining.size(), report, ownProblems);
      } catch (ObservationFailure e) {
        LOG.warn("{}: {}; compositing again without it", e.observationId, e.getMessage());
        ownProblems.add(new IngestProblem(e.observationId, stage, e.getMessage()));
        remaining.removeIf(o -> o.id().equals(e.observationId));
      }
    }
  }

  static String noneUsable(Stage stage, int itemsInRange, List<IngestProblem> problems) {
    String sensor = stage == Stage.SENTINEL1 ? "Sentinel-1" : "Sentinel-2";
    StringBuilder message = new StringBuilder("no usable " + sensor + " acquisition (" + itemsInRange + " in the date range");
    List<IngestProblem> own = problems.stream().filter(p -> p.stage() == stage || p.stage() == Stage.STAC).toList();
    if (!own.isEmpty()) {
      message.append(", ").append(own.size()).append(" left out; first: ").append(own.get(0).message());
    }
    return message.append(')').toString();
  }

  /** Tags read failures with the observation's id so the run can leave it out. */
  private record Guarded(Observation delegate) implements Observation {
    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public Instant time() {
      return delegate.time();
    }

    @Override
    public List<String> bandNames() {
      return delegate.bandNames();
    }

    @Override
    public ObservationTile read(GridGeometry tile) throws IOException {
      ObservationTile inner;
      try {
        inner = delegate.read(tile);
      } catch (IOException | RuntimeException e) {
        throw new ObservationFailure(id(), e);
      }
      return new ObservationTile() {
        @Override
        public boolean[] valid() {
          return inner.valid();
        }

        @Override
        public float[] band(int index) throws IOException {
          try {
            return inner.band(index);
          } catch (IOException | RuntimeException e) {
            throw new ObservationFailure(id(), e);
          }
        }
      };
    }
  }
}

package org.sylva.pipelines.tsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.tsc.data.LengthPolicy;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;
import org.sylva.models.tsc.train.Architecture;
import org.sylva.models.tsc.train.EpochListener;
import org.sylva.models.tsc.train.TrainingProfile;
import org.sylva.models.tsc.train.TrainingSettings;
import org.sylva.models.tsc.train.TscExperiment;
import org.sylva.pipelines.cli.SylvaCli;
import picocli.CommandLine;

/**
 * {@code sylva tsc} run again after a failed attempt: a cell that had finished is taken from its kept result,
 * a cell that was stopped after three of six epochs resumes from its checkpoint, and the tables are the same,
 * to the byte, as those of a run that never stopped; once the run succeeds its checkpoints are gone. The
 * failed attempt is made by the code a worker runs, with a listener that throws where a crash would strike.
 */
class TscResumeTest {

  private static final long SEED = 5;
  private static final int EPOCHS = 6;

  @TempDir static Path dir;
  private static Path archive;
  private static int torchThreads;

  @BeforeAll
  static void archive() throws Exception {
    torchThreads = TorchThreads.get();
    archive = dir.resolve("archive");
    SyntheticArchive.write(archive, SyntheticDataset.CBF, 1, 12, 12);
  }

  @AfterAll
  static void restoreThreads() {
    TorchThreads.set(torchThreads);
  }

  @Test
  void aRunAgainReusesFinishedCellsResumesStoppedOnesAndEqualsAnUninterruptedRun() throws Exception {
    assertThat(tsc("whole").code).isZero();
    assertThat(dir.resolve(".whole.checkpoints")).doesNotExist();

    // A failed earlier attempt of run "resumed": run 1 had finished, run 2 stopped after epoch 3 of 6.
    Path runDir = dir.resolve("resumed");
    Path root = TscCheckpoints.root("", runDir);
    List<TscTask> cells = TscPipeline.cells(List.of("CBF"), List.of("FCN"), 2, SEED);
    RunExperiments.TrainAndTestFn worker = new RunExperiments.TrainAndTestFn(spec(root));
    worker.setup();
    worker.run(cells.get(0));
    Path finished = TscCheckpoints.cell(root, cells.get(0));
    assertThat(finished.resolve(FinishedCells.FILE)).exists();
    assertThat(finished.resolve("member-0.ckpt")).as("replaced by the kept result").doesNotExist();
    Path stopped = TscCheckpoints.cell(root, cells.get(1));
    stopAfterEpoch(3, cells.get(1), stopped);
    assertThat(stopped.resolve("member-0.ckpt")).exists();

    Outcome again = tsc("resumed");
    assertThat(again.code).as(again.err).isZero();
    assertThat(again.err).contains("CBF/FCN run 1: finished in an earlier attempt, result kept in "
        + finished.resolve(FinishedCells.FILE));
    assertThat(again.err).contains("CBF/FCN run 2: resuming after epoch 3 from " + stopped.resolve("member-0.ckpt"));
    for (String table : List.of("accuracy.csv", "history.csv")) { // every epoch's loss, accuracy and rate
      assertThat(Files.readAllLines(runDir.resolve(table))).as(table)
          .isEqualTo(Files.readAllLines(dir.resolve("whole").resolve(table)));
    }
    JsonNode whole = new ObjectMapper().readTree(dir.resolve("whole/accuracy_runs.json").toFile());
    JsonNode resumed = new ObjectMapper().readTree(runDir.resolve("accuracy_runs.json").toFile());
    assertThat(resumed).hasSize(2);
    for (int cell = 0; cell < 2; cell++) {
      for (String field : List.of("run", "accuracy", "best_epoch", "best_train_loss", "final_learning_rate")) {
        assertThat(resumed.get(cell).get(field)).as(field).isEqualTo(whole.get(cell).get(field));
      }
    }
    assertThat(root).as("removed after the run succeeded").doesNotExist();
  }

  /** Success removes the run's own checkpoint folder, so it must never be the folder the user named. */
  @Test
  void aConfiguredCheckpointDirHoldsTheRunsFolderAndIsNeverTheRootItself() {
    Path runDir = dir.resolve("out/paper");
    assertThat(TscCheckpoints.root("", runDir)).isEqualTo(dir.resolve("out/.paper.checkpoints"));
    assertThat(TscCheckpoints.root(dir.resolve("shared").toString(), runDir))
        .isEqualTo(dir.resolve("shared/paper.checkpoints"));
  }

  /** The options a {@code tsc} call below gives its workers. */
  private static RunExperiments.Spec spec(Path checkpointRoot) {
    return new RunExperiments.Spec(archive.toString(), true, LengthPolicy.RESAMPLE, TrainingProfile.PAPER, EPOCHS, 1,
        checkpointRoot.toString(), 10);
  }

  /** Trains the cell as a worker would, with checkpoints after every epoch, and "crashes" after {@code epoch}. */
  private static void stopAfterEpoch(int epoch, TscTask cell, Path checkpoints) throws Exception {
    RunExperiments.Spec spec = spec(checkpoints);
    TrainTestSplit data = TscArchive.load(archive, cell.dataset(), spec.preprocessing());
    TrainingSettings settings = spec.settings(Architecture.FCN, data.train().size());
    EpochListener crash = e -> {
      if (e.epoch() == epoch) {
        throw new IllegalStateException("simulated crash after epoch " + epoch);
      }
    };
    assertThatThrownBy(() -> TscExperiment.run(Architecture.FCN, data, settings, cell.seed(), crash, checkpoints,
        Duration.ZERO)).hasMessageContaining("simulated crash");
  }

  private record Outcome(int code, String err) {}

  private static Outcome tsc(String runName) {
    CommandLine cli = SylvaCli.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // workers log resumption to stderr
    try {
      int code = cli.execute("tsc", "--archive", archive.toString(), "--datasets", "CBF", "--models", "FCN",
          "--runs", "2", "--epochs", Integer.toString(EPOCHS), "--outputDir", dir.toString(), "--runName", runName,
          "--seed", Long.toString(SEED));
      return new Outcome(code, err + log.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }
  }
}

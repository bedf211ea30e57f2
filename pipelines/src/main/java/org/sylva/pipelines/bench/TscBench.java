package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sylva.geo.io.AtomicOutput;
import org.sylva.models.nn.TorchThreads;
import org.sylva.models.tsc.data.Preprocessing;
import org.sylva.models.tsc.data.TrainTestSplit;
import org.sylva.models.tsc.data.TscArchive;
import org.sylva.models.tsc.synthetic.SyntheticArchive;
import org.sylva.models.tsc.synthetic.SyntheticDataset;
import org.sylva.models.tsc.train.Architecture;
import org.sylva.models.tsc.train.ClassifierTrainer;
import org.sylva.models.tsc.train.TrainedClassifier;
import org.sylva.models.tsc.train.TrainingProfile;
import org.sylva.models.tsc.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sylva bench tsc}: FCN training throughput (epochs per second) on the generated CBF training split
 * (30 series of 128, batch 3 as the paper's rule gives), Sylva (DJL + PyTorch 2.7 native) beside the same
 * network trained the same way in Debian's PyTorch 1.13 ({@code tsc_peer.py}), with the same thread count,
 * alternating the two for a few rounds on the same machine in the same run.
 */
@Command(name = "tsc", mixinStandardHelpOptions = true,
    description = "FCN training epochs/s on CBF: Sylva (DJL) beside PyTorch (python3-torch), same network, "
        + "initialisation, batch size, optimiser and threads. Writes <out>/tsc.json and tsc.md.")
public final class TscBench implements Callable<Integer> {

  @Option(names = "--epochs", defaultValue = "40", description = "Timed epochs per round. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--warmup", defaultValue = "5", description = "Untimed epochs before timing. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--rounds", defaultValue = "3",
      description = "Alternating Sylva/peer rounds; the best round of each is compared. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--threads", defaultValue = "1",
      description = "Intra-op threads for both (PyTorch set_num_threads). Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Data and initialisation seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", defaultValue = "target/bench", description = "Report folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (warmup < 1 || epochs < 1 || rounds < 1) {
      throw new IllegalArgumentException("--warmup, --epochs and --rounds must be at least 1 (the first epoch includes set-up)");
    }
    if (!PythonPeer.available("torch", "numpy")) {
      throw new IOException(PythonPeer.PYTHON + " cannot import torch and numpy (Debian python3-torch, python3-numpy)");
    }
    Path data = Files.createTempDirectory("sylva-bench-tsc");
    try {
      SyntheticArchive.write(data, SyntheticDataset.CBF, seed);
      TrainTestSplit cbf = TscArchive.load(data, "CBF", Preprocessing.defaults());
      TrainingSettings settings = TrainingSettings.of(Architecture.FCN, TrainingProfile.PAPER, cbf.train().size())
          .withEpochs(warmup + epochs);
      Path trainFile = data.resolve("CBF/CBF_TRAIN.tsv");
      List<Double> sylvaRounds = new ArrayList<>();
      List<Double> peerRounds = new ArrayList<>();
      String torchVersion = "?";
      double loadBefore = loadAverage();
      int previousThreads = TorchThreads.set(threads);
      try {
        for (int round = 1; round <= rounds; round++) {
          sylvaRounds.add(sylvaEpochsPerSecond(cbf, settings, round));
          JsonNode peer = PythonPeer.run("tsc_peer.py", List.of(trainFile.toString(), "--epochs", "" + epochs,
              "--warmup", "" + warmup, "--threads", "" + threads, "--batch", "" + settings.batchSize(),
              "--seed", "" + (seed + round)), 3600);
          peerRounds.add(peer.get("epochs_per_second").asDouble());
          torchVersion = peer.get("torch").asText();
          System.err.printf(Locale.ROOT, "round %d: sylva %.3f epochs/s, pytorch %.3f epochs/s%n", round,
              sylvaRounds.get(round - 1), peerRounds.get(round - 1));
        }
      } finally {
        TorchThreads.set(previousThreads);
      }
      double sylva = sylvaRounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      double peer = peerRounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      BenchReport report = new BenchReport("tsc", "FCN (Wang et al. 2017; dl-4-tsc) training throughput on the "
          + "generated CBF training split: Sylva (DJL 0.36, PyTorch 2.7.1 native) beside the same network, "
          + "initialisation, loss, optimiser, batch size and best-loss checkpoint in PyTorch " + torchVersion
          + " (Debian python3-torch), same thread count, alternating rounds, best round of each.")
          .measure(new BenchReport.Measurement("FCN training on CBF", "epochs/s", sylva, peer,
              "PyTorch " + torchVersion + " (python3-torch)", true))
          .detail("train cases", cbf.train().size())
          .detail("series length", cbf.train().length())
          .detail("batch size", settings.batchSize())
          .detail("timed epochs per round", epochs)
          .detail("warm-up epochs", warmup)
          .detail("threads", threads)
          .detail("sylva rounds (epochs/s)", format(sylvaRounds))
          .detail("pytorch rounds (epochs/s)", format(peerRounds))
          .detail("load average before / after", String.format(Locale.ROOT, "%.2f / %.2f", loadBefore, loadAverage()))
          .detail("note", "the machine was shared with other jobs while measuring; the load average shows how busy "
              + "it was, and alternating rounds give both sides the same conditions");
      Path json = report.write(out);
      System.out.println(report.toMarkdown());
      System.err.println("wrote " + json + " and " + out.resolve("tsc.md"));
      return 0;
    } finally {
      AtomicOutput.deleteRecursively(data);
    }
  }

  /** Trains a fresh FCN for warm-up + timed epochs; epochs per second over the timed ones. */
  private double sylvaEpochsPerSecond(TrainTestSplit cbf, TrainingSettings settings, int round) {
    long[] timedStart = new long[1];
    long[] end = new long[1];
    try (TrainedClassifier c = ClassifierTrainer.fit(Architecture.FCN.network(1, cbf.train().classCount(), seed),
        cbf.train(), settings, seed + round, e -> {
          if (e.epoch() == warmup) {
            timedStart[0] = System.nanoTime();
          }
          end[0] = System.nanoTime();
        })) {
      return epochs / ((end[0] - timedStart[0]) / 1e9);
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String format(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
  }
}

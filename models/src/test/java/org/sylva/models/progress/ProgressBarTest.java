package org.sylva.models.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void plainOutputLogsEveryTenPercentWithRateAndEta() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBar bar = ProgressBar.plain("train", 20, new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, clock::get)) {
      for (int i = 0; i < 20; i++) {
        clock.addAndGet(500_000_000L); // 0.5 s per step: 2 steps/s
        bar.step(1, "loss " + (20 - i));
      }
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    // The first step is logged (so the rate shows early), then one line per 10 % boundary crossed.
    assertThat(lines).hasSize(11);
    assertThat(lines[0]).startsWith("train [").contains("  5% 1/20 2.00/s ETA 0:10 loss 20");
    assertThat(lines[1]).contains(" 10% 2/20 2.00/s ETA 0:09 loss 19");
    assertThat(lines[10]).contains("100% 20/20").contains(" in 0:10").contains("loss 1");
  }

  @Test
  void closingAnUnfinishedBarPrintsWhereItStopped() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = ProgressBar.plain("tiles", 100, new PrintStream(bytes, true, StandardCharsets.UTF_8), 50, clock::get);
    clock.addAndGet(1_000_000_000L);
    bar.step(7);
    bar.close();
    assertThat(bytes.toString(StandardCharsets.UTF_8).trim()).contains("7% 7/100 7.00/s ETA 0:13");
  }

  @Test
  void skippedWorkOfAResumedJobAdvancesTheBarButNotTheRate() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = ProgressBar.plain("train", 100, new PrintStream(bytes, true, StandardCharsets.UTF_8), 50, clock::get);
    bar.skip(60); // done before the restart, in no time
    clock.addAndGet(4_000_000_000L);
    bar.step(10); // 10 units in 4 s: 2.5/s, 30 left
    assertThat(bar.render()).contains(" 70% 70/100 2.50/s ETA 0:12");
  }

  @Test
  void formatsDurationsAsMinutesOrHours() {
    assertThat(ProgressBar.formatDuration(59.6)).isEqualTo("1:00");
    assertThat(ProgressBar.formatDuration(3725)).isEqualTo("1:02:05");
  }
}

package org.sylva.pipelines.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A deterministic CPU-bound workload with a shuffle: each work item draws points in the unit square from
 * its own seeded generator and counts those inside the quarter circle; items are grouped by
 * {@code index % groups} and counted per group; all groups are then gathered into one text summary with
 * the estimate of π. Counts are exact integers, so the summary's bytes do not depend on the runner, the
 * parallelism, the order in which a GroupByKey delivers values, or on restarts after failures.
 */
public final class EstimatePi extends PTransform<PCollection<Long>, PCollection<String>> {

  private final long seed;
  private final long samplesPerElement;
  private final long pauseMillisPerElement;
  private final int groups;

  public EstimatePi(long seed, long samplesPerElement, long pauseMillisPerElement, int groups) {
    if (samplesPerElement < 1 || groups < 1 || pauseMillisPerElement < 0) {
      throw new IllegalArgumentException("samples per element and groups must be >= 1, pause >= 0");
    }
    this.seed = seed;
    this.samplesPerElement = samplesPerElement;
    this.pauseMillisPerElement = pauseMillisPerElement;
    this.groups = groups;
  }

  @Override
  public PCollection<String> expand(PCollection<Long> indices) {
    return indices
        .apply("CountHits", ParDo.of(new CountHitsFn(seed, samplesPerElement, pauseMillisPerElement, groups)))
        .apply("GroupHits", GroupByKey.create())
        .apply("SumPerGroup", ParDo.of(new SumPerGroupFn()))
        .apply("OneSummary", WithKeys.<Integer, KV<Integer, KV<Long, Long>>>of(0).withKeyType(TypeDescriptors.integers()))
        .apply("GatherGroups", GroupByKey.create())
        .apply("FormatSummary", ParDo.of(new FormatSummaryFn(samplesPerElement, seed)));
  }

  /** Points inside the quarter circle among {@code samples} drawn from the item's own generator. */
  static long hits(long seed, long index, long samples) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    long inside = 0;
    for (long i = 0; i < samples; i++) {
      double x = random.nextDouble();
      double y = random.nextDouble();
      if (x * x + y * y <= 1.0) {
        inside++;
      }
    }
    return inside;
  }

  /** Work item index → (group, hits). */
  static final class CountHitsFn extends DoFn<Long, KV<Integer, Long>> {
    private final long seed;
    private final long samples;
    private final long pauseMillis;
    private final int groups;

    CountHitsFn(long seed, long samples, long pauseMillis, int groups) {
      this.seed = seed;
      this.samples = samples;
      this.pauseMillis = pauseMillis;
      this.groups = groups;
    }

    @ProcessElement
    public void process(@Element Long index, OutputReceiver<KV<Integer, Long>> out) throws InterruptedException {
      if (pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
      out.output(KV.of((int) (index % groups), hits(seed, index, samples)));
    }
  }

  /** (group, [hits...]) → (group, items, hits); sums of longs are exact in any order. */
  static final class SumPerGroupFn extends DoFn<KV<Integer, Iterable<Long>>, KV<Integer, KV<Long, Long>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Long>> group, OutputReceiver<KV<Integer, KV<Long, Long>>> out) {
      long items = 0;
      long hits = 0;
      for (long h : group.getValue()) {
        items++;
        hits += h;
      }
      out.output(KV.of(group.getKey(), KV.of(items, hits)));
    }
  }

  /** All groups → one text: a header, one line per group in group order, and the total with π. */
  static final class FormatSummaryFn extends DoFn<KV<Integer, Iterable<KV<Integer, KV<Long, Long>>>>, String> {
    private final long samplesPerElement;
    private final long seed;

    FormatSummaryFn(long samplesPerElement, long seed) {
      this.samplesPerElement = samplesPerElement;
      this.seed = seed;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<Integer, KV<Long, Long>>>> all, OutputReceiver<String> out) {
      List<KV<Integer, KV<Long, Long>>> groups = new ArrayList<>();
      all.getValue().forEach(groups::add);
      groups.sort((a, b) -> Integer.compare(a.getKey(), b.getKey()));
      StringBuilder text = new StringBuilder();
      long items = 0;
      long hits = 0;
      text.append(String.format(Locale.ROOT, "# Monte-Carlo estimate of pi, %d samples per item, seed %d%n",
          samplesPerElement, seed));
      text.append("group\titems\thits\n");
      for (KV<Integer, KV<Long, Long>> g : groups) {
        items += g.getValue().getKey();
        hits += g.getValue().getValue();
        text.append(g.getKey()).append('\t').append(g.getValue().getKey()).append('\t')
            .append(g.getValue().getValue()).append('\n');
      }
      double pi = 4.0 * hits / ((double) items * samplesPerElement);
      text.append(String.format(Locale.ROOT, "total\t%d\t%d%npi\t%.9f%n", items, hits, pi));
      out.output(text.toString());
    }
  }
}

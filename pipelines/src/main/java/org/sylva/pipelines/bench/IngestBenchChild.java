package org.sylva.pipelines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.sylva.geo.ingest.IngestOptions;
import org.sylva.geo.ingest.IngestRequest;
import org.sylva.geo.ingest.IngestSource;
import org.sylva.geo.ingest.SceneIngest;
import org.sylva.geo.progress.ProgressListener;
import org.sylva.geo.raster.GridGeometry;

/**
 * The composite half of {@code sylva bench ingest}, run in a child JVM so its heap limit ({@code -Xmx}) and
 * peak heap are the composite's own: composites the Sentinel-2 items of a scene folder {@code runs} times
 * (the first run includes JIT compilation) and prints one JSON line with the wall times, the peak heap in
 * use (heap pools' peak usage, garbage included) and the peak heap after garbage collection (the largest
 * heap occupancy any collection left behind, from the collectors' notifications: what the work really
 * holds).
 *
 * <p>Usage: {@code IngestBenchChild SCENE_DIR OUT.tif THREADS RUNS TILE_SIZE}
 */
public final class IngestBenchChild {

  private IngestBenchChild() {}

  public static void main(String[] args) throws Exception {
    Path scene = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    int tileSize = Integer.parseInt(args[4]);
    List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    AtomicLong afterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = 0;
          for (var usage : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.stream().anyMatch(p -> p.getName().equals(usage.getKey()))) {
              used += usage.getValue().getUsed();
            }
          }
          afterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }

    IngestRequest request = IngestRequest.builder(IngestSource.sceneFolder(scene))
        .options(IngestOptions.builder().threads(threads).tileSize(tileSize).build()).build();
    GridGeometry grid = SceneIngest.targetGrid(request);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Double> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    int bands = 0;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      bands = SceneIngest.compositeSentinel2(request.withTargetGrid(grid), grid, out, ProgressListener.NONE)
          .bandNames().size();
      seconds.add((System.nanoTime() - start) / 1e9);
      cpuSeconds.add((os.getProcessCpuTime() - cpuStart) / 1e9);
    }
    long peakInUse = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      peakInUse += pool.getPeakUsage().getUsed();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seconds", seconds);
    result.put("cpuSeconds", cpuSeconds);
    result.put("bands", bands);
    result.put("width", grid.width());
    result.put("height", grid.height());
    result.put("peakHeapInUseMiB", peakInUse >> 20);
    result.put("peakHeapAfterGcMiB", afterGc.get() >> 20);
    result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    result.put("threads", threads);
    result.put("tileSize", tileSize);
    System.out.println(new ObjectMapper().writeValueAsString(result));
  }
}

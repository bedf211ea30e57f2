package org.sylva.pipelines.canopy.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sylva.geo.geotiff.GeoTiff;
import org.sylva.geo.geotiff.GeoTiffReader;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.pipelines.canopy.ingest.IngestedStack;

/**
 * The features of an ingested stack by band name, window by window: the bands of the Sentinel-2 and (when
 * the scene has one) Sentinel-1 composites and the {@link SpectralIndex spectral indices} computed from them on
 * the fly. The composites must share one grid. NaN marks missing values. Thread-safe (the GeoTIFF readers are); close
 * once after all reads.
 */
public final class FeatureStack implements AutoCloseable {

  private final List<GeoTiffReader> composites = new ArrayList<>();
  private final Map<String, Location> bands = new LinkedHashMap<>();
  private final Map<String, SpectralIndex> indices = new LinkedHashMap<>();
  private final GridGeometry grid;

  private record Location(GeoTiffReader reader, int band) {}

  private FeatureStack(IngestedStack stack, List<SpectralIndex> indexDefinitions) throws IOException {
    try {
      GeoTiffReader s2 = open(stack.sentinel2Path());
      if (stack.sentinel1Composite() != null) {
        GeoTiffReader s1 = open(stack.sentinel1Path());
        if (!s1.grid().equals(s2.grid())) {
          throw new IOException(stack.sentinel1Composite() + ": grid " + s1.grid() + " differs from the Sentinel-2"
              + " composite's " + s2.grid());
        }
      }
      this.grid = s2.grid();
      for (GeoTiffReader reader : composites) {
        for (int b = 0; b < reader.bandCount(); b++) {
          String name = reader.bandNames().get(b);
          if (!name.equals(org.sylva.pipelines.canopy.ingest.StackBands.COUNT)) {
            bands.putIfAbsent(name, new Location(reader, b));
          }
        }
      }
      for (SpectralIndex index : indexDefinitions) {
        if (bands.containsKey(index.a()) && bands.containsKey(index.b())) {
          indices.put(index.name(), index);
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens the composites of {@code stack}; indices whose bands the stack lacks are left out. */
  public static FeatureStack open(IngestedStack stack, List<SpectralIndex> indices) throws IOException {
    return new FeatureStack(stack, indices);
  }

  private GeoTiffReader open(java.nio.file.Path path) throws IOException {
    GeoTiffReader reader = GeoTiff.open(path);
    composites.add(reader);
    return reader;
  }

  public GridGeometry grid() {
    return grid;
  }

  /** Composite band names, in file order (Sentinel-2 first). */
  public List<String> compositeBands() {
    return List.copyOf(bands.keySet());
  }

  /** Every band this stack can provide: composite bands, then the computable indices. */
  public List<String> available() {
    List<String> all = new ArrayList<>(bands.keySet());
    all.addAll(indices.keySet());
    return all;
  }

  /** The requested bands that this stack cannot provide. */
  public List<String> missing(List<String> requested) {
    return requested.stream().filter(b -> !bands.containsKey(b) && !indices.containsKey(b)).toList();
  }

  /** One array per requested band over {@code window} (row-major), composite bands or indices. */
  public float[][] read(PixelWindow window, List<String> requested) throws IOException {
    List<String> unknown = missing(requested);
    if (!unknown.isEmpty()) {
      throw new IOException("bands " + unknown + " are not in the stack (has " + available() + ")");
    }
    Map<String, float[]> cache = new LinkedHashMap<>();
    float[][] out = new float[requested.size()][];
    for (int i = 0; i < out.length; i++) {
      String name = requested.get(i);
      SpectralIndex index = indices.get(name);
      out[i] = index == null ? band(name, window, cache)
          : index.compute(band(index.a(), window, cache), band(index.b(), window, cache));
    }
    return out;
  }

  private float[] band(String name, PixelWindow window, Map<String, float[]> cache) throws IOException {
    float[] values = cache.get(name);
    if (values == null) {
      Location location = bands.get(name);
      values = location.reader().read(window, location.band());
      cache.put(name, values);
    }
    return values;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (GeoTiffReader reader : composites) {
      try {
        reader.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    composites.clear();
    if (first != null) {
      throw first;
    }
  }
}

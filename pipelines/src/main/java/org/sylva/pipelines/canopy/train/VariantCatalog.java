package org.sylva.pipelines.canopy.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sylva.pipelines.canopy.dataset.SpectralIndex;
import org.sylva.pipelines.canopy.ingest.StackBands;

/**
 * The variants to train and the spectral indices they may use, from a YAML (or JSON) file:
 *
 * <pre>
 * indices:
 *   - {name: NDVI, a: B08, b: B04, description: normalised difference vegetation index}
 * variants:
 *   - {name: s2_10m, description: Sentinel-2 10 m bands, bands: [B02, B03, B04, B08]}
 * </pre>
 *
 * Bands are Sentinel-2 band ids ({@link StackBands#SENTINEL2}), Sentinel-1 polarisations
 * ({@link StackBands#SENTINEL1}) or index names. The built-in file ({@value #DEFAULT_RESOURCE}) holds the seven
 * variants of the study; {@code --variants FILE} replaces it. Names must be unique; bands must be known.
 */
public record VariantCatalog(List<SpectralIndex> indices, List<Variant> variants) implements Serializable {

  public static final String DEFAULT_RESOURCE = "/org/sylva/pipelines/canopy/variants.yaml";

  public VariantCatalog {
    indices = List.copyOf(indices);
    variants = List.copyOf(variants);
  }

  /** The seven variants of the study with NDVI, NDRE, NDMI and NBR. */
  public static VariantCatalog defaults() {
    try (InputStream in = VariantCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(in, "built-in variants");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Reads a variants file; every problem is one {@link IOException} line naming the file. */
  public static VariantCatalog load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file + ": no such variants file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  private record FileIndex(@JsonProperty("name") String name, @JsonProperty("a") String a, @JsonProperty("b") String b,
      @JsonProperty("description") String description) {}

  private record FileVariant(@JsonProperty("name") String name, @JsonProperty("description") String description,
      @JsonProperty("bands") List<String> bands) {}

  private record FileContent(@JsonProperty("indices") List<FileIndex> indices,
      @JsonProperty("variants") List<FileVariant> variants) {}

  static VariantCatalog parse(InputStream in, String source) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    FileContent content;
    try {
      content = yaml.readValue(in, FileContent.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(source + ": not a variants file: " + e.getOriginalMessage(), e);
    }
    if (content == null || content.variants() == null || content.variants().isEmpty()) {
      throw new IOException(source + ": no variants listed (expected a 'variants:' list)");
    }
    try {
      List<SpectralIndex> indices = new ArrayList<>();
      Set<String> known = new LinkedHashSet<>(StackBands.SENTINEL2);
      known.addAll(StackBands.SENTINEL1);
      for (FileIndex i : content.indices() == null ? List.<FileIndex>of() : content.indices()) {
        SpectralIndex index = new SpectralIndex(i.name(), i.a(), i.b(), i.description());
        for (String band : List.of(index.a(), index.b())) {
          if (!known.contains(band)) {
            throw new IllegalArgumentException("index " + index.name() + " uses unknown band " + band);
          }
        }
        if (!known.add(index.name())) {
          throw new IllegalArgumentException("index name " + index.name() + " is already a band or index");
        }
        indices.add(index);
      }
      List<Variant> variants = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (FileVariant v : content.variants()) {
        Variant variant = new Variant(v.name(), v.description(), v.bands());
        if (!names.add(variant.name())) {
          throw new IllegalArgumentException("variant " + variant.name() + " is listed twice");
        }
        for (String band : variant.bands()) {
          if (!known.contains(band)) {
            throw new IllegalArgumentException("variant " + variant.name() + " uses unknown band " + band + " (known: "
                + known + ")");
          }
        }
        variants.add(variant);
      }
      return new VariantCatalog(indices, variants);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }
}

package org.sylva.geo.stac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads STAC JSON from local files: a single Item, an ItemCollection (a saved STAC API search), or a
 * Catalog/Collection whose {@code item} and {@code child} links are followed. Every local href — links and
 * assets, relative, absolute or {@code file:} — is resolved against the document that holds it and must
 * stay inside the <b>catalog root</b> (the folder of the document the user named): {@code ../} tricks and
 * symbolic links pointing outside are rejected, so a downloaded catalog cannot make Sylva read arbitrary
 * files. Remote hrefs (http, https, s3) are kept as URIs.
 */
public final class StacReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private final Path root;
  private final Path realRoot;
  /** Receives documents that cannot be used, which are then skipped; null: the first one fails the read. */
  private final Consumer<StacException> skipped;

  private StacReader(Path root, Consumer<StacException> skipped) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = Files.exists(this.root) ? this.root.toRealPath() : this.root;
    this.skipped = skipped;
  }

  /** Reads one item file; its folder is the root its asset hrefs must stay in. */
  public static StacItem readItem(Path itemFile) throws IOException {
    return new StacReader(itemFile.toAbsolutePath().getParent(), null).item(itemFile.toAbsolutePath().normalize(),
        read(itemFile.toAbsolutePath().normalize()));
  }

  /**
   * Reads all items reachable from a file (Item, ItemCollection, Catalog, Collection) or a folder
   * (its {@code catalog.json} or {@code collection.json}, else every item JSON below it), in link order.
   */
  public static List<StacItem> readAll(Path fileOrFolder) throws IOException {
    return readAll(fileOrFolder, null);
  }

  /**
   * Like {@link #readAll(Path)}, but an item or linked document that cannot be used (invalid JSON, no id or
   * datetime, an href escaping the catalog root, a missing file) is passed to {@code skipped} and left out,
   * so one bad item does not stop a catalog of hundreds. The named document itself must be readable.
   */
  public static List<StacItem> readAll(Path fileOrFolder, Consumer<StacException> skipped) throws IOException {
    Path start = fileOrFolder.toAbsolutePath().normalize();
    if (Files.isDirectory(start)) {
      for (String name : new String[] {"catalog.json", "collection.json"}) {
        if (Files.isRegularFile(start.resolve(name))) {
          return new StacReader(start, skipped).document(start.resolve(name), new HashSet<>());
        }
      }
      StacReader reader = new StacReader(start, skipped);
      List<StacItem> items = new ArrayList<>();
      try (var files = Files.walk(start, 4)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          reader.attempt(() -> {
            JsonNode node = read(file);
            if ("Feature".equals(node.path("type").asText())) {
              items.add(reader.item(file, node));
            }
          });
        }
      }
      if (items.isEmpty()) {
        throw new StacException(start, "no catalog.json, collection.json or usable STAC item JSON in this folder");
      }
      return items;
    }
    return new StacReader(start.getParent(), skipped).document(start, new HashSet<>());
  }

  /** A read step that may fail with a {@link StacException}. */
  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /** Runs a step; in lenient mode a {@link StacException} is reported and the step skipped. */
  private void attempt(Step step) throws IOException {
    try {
      step.run();
    } catch (StacException e) {
      if (skipped == null) {
        throw e;
      }
      skipped.accept(e);
    }
  }

  private List<StacItem> document(Path file, Set<Path> visited) throws IOException {
    if (!visited.add(file)) {
      return List.of(); // a link cycle: already read
    }
    JsonNode node = read(file);
    String type = node.path("type").asText("");
    List<StacItem> items = new ArrayList<>();
    switch (type) {
      case "Feature" -> items.add(item(file, node));
      case "FeatureCollection" -> {
        for (JsonNode feature : node.path("features")) {
          attempt(() -> items.add(item(file, feature)));
        }
      }
      case "Catalog", "Collection" -> {
        for (JsonNode link : node.path("links")) {
          String rel = link.path("rel").asText();
          if (rel.equals("item") || rel.equals("child")) {
            attempt(() -> {
              String href = link.path("href").asText();
              Optional<Path> target = resolve(file, "link '" + rel + "'", href);
              if (target.isEmpty()) {
                throw new StacException(file, "remote " + rel + " link " + href + " is not supported; use a local catalog");
              }
              items.addAll(document(target.get(), visited));
            });
          }
        }
      }
      default -> throw new StacException(file, "not a STAC Item, ItemCollection, Catalog or Collection (type '" + type + "')");
    }
    return items;
  }

  private StacItem item(Path file, JsonNode node) throws IOException {
    String id = node.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new StacException(file, "STAC item without an id");
    }
    JsonNode properties = node.path("properties");
    Instant datetime = datetime(file, id, properties);
    Map<String, StacAsset> assets = new LinkedHashMap<>();
    var fields = node.path("assets").fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      assets.put(entry.getKey(), asset(file, id, entry.getKey(), entry.getValue()));
    }
    Optional<String> collection = node.hasNonNull("collection") ? Optional.of(node.get("collection").asText())
        : Optional.empty();
    return new StacItem(id, collection, datetime, properties, assets, file);
  }

  private StacAsset asset(Path file, String itemId, String key, JsonNode node) throws IOException {
    String href = node.path("href").asText(null);
    if (href == null || href.isBlank()) {
      throw new StacException(file, "item " + itemId + " asset " + key + " has no href");
    }
    Optional<Path> local = resolve(file, "item " + itemId + " asset " + key, href);
    Optional<URI> remote = Optional.empty();
    if (local.isEmpty()) {
      remote = Optional.of(URI.create(href));
    }
    List<String> roles = new ArrayList<>();
    node.path("roles").forEach(r -> roles.add(r.asText()));
    List<StacAsset.EoBand> eoBands = new ArrayList<>();
    for (JsonNode band : node.path("eo:bands")) {
      eoBands.add(new StacAsset.EoBand(band.path("name").asText(null), band.path("common_name").asText(null)));
    }
    return new StacAsset(key, href, local, remote, node.path("type").asText(""), roles, eoBands, node.path("raster:bands"));
  }

  /** The local path of an href (inside the root), or empty for a remote URL. */
  private Optional<Path> resolve(Path document, String what, String href) throws StacException {
    Path path;
    try {
      if (SCHEME.matcher(href).matches()) {
        URI uri = new URI(href);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
          return Optional.empty();
        }
        path = Path.of(uri);
      } else {
        path = document.getParent().resolve(href);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new StacException(document, what + " has an unusable href '" + href + "': " + e.getMessage(), e);
    }
    path = path.toAbsolutePath().normalize();
    boolean inside = path.startsWith(root);
    if (inside && Files.exists(path)) {
      try {
        inside = path.toRealPath().startsWith(realRoot);
      } catch (IOException e) {
        throw new StacException(document, what + ": cannot resolve '" + href + "': " + e.getMessage(), e);
      }
    }
    if (!inside) {
      throw new StacException(document, what + " href '" + href + "' resolves outside the catalog root " + root
          + "; refusing to read it");
    }
    return Optional.of(path);
  }

  private static Instant datetime(Path file, String id, JsonNode properties) throws StacException {
    try {
      JsonNode datetime = properties.path("datetime");
      if (datetime.isTextual()) {
        return OffsetDateTime.parse(datetime.asText()).toInstant();
      }
      JsonNode start = properties.path("start_datetime");
      JsonNode end = properties.path("end_datetime");
      if (start.isTextual() && end.isTextual()) {
        Instant s = OffsetDateTime.parse(start.asText()).toInstant();
        Instant e = OffsetDateTime.parse(end.asText()).toInstant();
        return s.plus(Duration.between(s, e).dividedBy(2));
      }
    } catch (DateTimeParseException e) {
      throw new StacException(file, "item " + id + " has an unparsable datetime: " + e.getParsedString(), e);
    }
    throw new StacException(file, "item " + id + " has no properties.datetime (nor start_datetime/end_datetime)");
  }

  private static JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new StacException(file, "no such file");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new StacException(file, "invalid JSON: " + e.getOriginalMessage(), e);
    }
  }
}

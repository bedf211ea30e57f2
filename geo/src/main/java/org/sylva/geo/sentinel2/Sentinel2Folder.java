package org.sylva.geo.sentinel2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sylva.geo.io.AcquisitionNames;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Groups a folder of Sentinel-2 GeoTIFFs named by band into acquisitions. File names are split into
 * tokens at {@code _ . -}; a token like {@code B04}, {@code B8A} or {@code SCL} names the band, a token
 * {@code 20m} its resolution, a token {@code 20230612} or {@code 20230612T105629} the date (else the nearest
 * parent folder with such a token, e.g. {@code S2B_MSIL2A_20230612T105629_N0509_R051_T30TXQ_…}), a token
 * {@code T30TXQ} the MGRS tile. So {@code B04.tif} in a dated folder, {@code T30TXQ_20230612_B04_10m.tif}
 * and SAFE-style {@code T30TXQ_20230612T105629_B04_10m.tif} all work. Files that name no band are ignored.
 */
public final class Sentinel2Folder {

  /** One acquisition: an id (tile and date), its time (UTC; midnight when only a date is known) and files. */
  public record Acquisition(String id, java.time.Instant time, Map<Sentinel2Band, Path> files,
      Optional<ProcessingBaseline> baseline) {}

  private static final Pattern TILE = Pattern.compile("T\\d{2}[A-Z]{3}");
  private static final Pattern RESOLUTION = Pattern.compile("(\\d{2})m");

  private Sentinel2Folder() {}

  public static List<Acquisition> scan(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new RasterFormatException(folder, "not a folder");
    }
    Map<String, Builder> groups = new TreeMap<>();
    for (Path file : AcquisitionNames.tiffFiles(folder, 4)) {
      Optional<Sentinel2Band> band = Optional.empty();
      Integer resolution = null;
      for (String token : AcquisitionNames.tokens(file)) {
        if (band.isEmpty()) {
          band = Sentinel2Band.fromId(token).filter(b -> token.toUpperCase(Locale.ROOT).startsWith("B") || b == Sentinel2Band.SCL);
        }
        Matcher r = RESOLUTION.matcher(token);
        if (r.matches()) {
          resolution = Integer.parseInt(r.group(1));
        }
      }
      if (band.isEmpty()) {
        continue;
      }
      Path relative = folder.relativize(file);
      LocalDateTime time = AcquisitionNames.findTime(relative).orElseThrow(() -> new RasterFormatException(file,
          "cannot find the acquisition date; name files like T30TXQ_20230612_B04_10m.tif or put them in a folder "
              + "whose name contains the date (yyyyMMdd)"));
      String tile = AcquisitionNames.findToken(relative, TILE).orElse("");
      String id = (tile.isEmpty() ? "" : tile + "_") + time.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
      Builder group = groups.computeIfAbsent(id, k -> new Builder(k, time));
      group.add(band.get(), resolution, file);
      ProcessingBaseline.fromProductName(relative.toString()).ifPresent(b -> group.baseline = b);
    }
    if (groups.isEmpty()) {
      throw new RasterFormatException(folder, "no GeoTIFF named by a Sentinel-2 band (e.g. B04.tif, SCL.tif)");
    }
    List<Acquisition> out = new ArrayList<>();
    for (Builder b : groups.values()) {
      out.add(new Acquisition(b.id, b.time.toInstant(ZoneOffset.UTC), b.files, Optional.ofNullable(b.baseline)));
    }
    return out;
  }

  private static final class Builder {
    final String id;
    final LocalDateTime time;
    final Map<Sentinel2Band, Path> files = new EnumMap<>(Sentinel2Band.class);
    final Map<Sentinel2Band, Integer> resolutions = new EnumMap<>(Sentinel2Band.class);
    ProcessingBaseline baseline;

    Builder(String id, LocalDateTime time) {
      this.id = id;
      this.time = time;
    }

    void add(Sentinel2Band band, Integer resolution, Path file) throws RasterFormatException {
      Path existing = files.get(band);
      if (existing != null) {
        boolean newNative = resolution != null && resolution == band.resolutionMetres();
        boolean oldNative = resolutions.get(band) != null && resolutions.get(band) == band.resolutionMetres();
        if (newNative == oldNative) {
          throw new RasterFormatException(file, "two files for band " + band + " of " + id + " (also " + existing
              + "); keep one per band and date");
        }
        if (!newNative) {
          return;
        }
      }
      files.put(band, file);
      resolutions.put(band, resolution);
    }
  }
}

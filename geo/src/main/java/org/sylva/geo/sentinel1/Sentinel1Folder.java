package org.sylva.geo.sentinel1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.sylva.geo.io.AcquisitionNames;
import org.sylva.geo.raster.RasterFormatException;

/**
 * Groups a folder of Sentinel-1 backscatter GeoTIFFs (one polarisation per file) into acquisitions. A token
 * {@code vv} or {@code vh} (any case) in the file name names the polarisation; the date comes from the file
 * name or the nearest parent folder ({@link AcquisitionNames}). So {@code S1A_20230104T061712_VV.tif} and
 * Planetary Computer downloads such as {@code S1A_IW_GRDH_1SDV_20230104T061712_…/measurement/iw-vv.rtc.tiff}
 * both work. Files that name no polarisation are ignored.
 */
public final class Sentinel1Folder {

  /** One acquisition: id ({@code S1_} and the date), time (UTC) and the file of each polarisation found. */
  public record Acquisition(String id, Instant time, Map<Polarization, Path> files) {

    public Acquisition {
      files = java.util.Collections.unmodifiableMap(new EnumMap<>(files));
    }

    /** The file of a polarisation, or an error naming the acquisition and what was found. */
    public Path file(Polarization polarization) throws RasterFormatException {
      Path file = files.get(polarization);
      if (file == null) {
        Path any = files.values().iterator().next();
        throw new RasterFormatException(any.getParent(), "acquisition " + id + " has no " + polarization
            + " file (found " + files.keySet() + ")");
      }
      return file;
    }
  }

  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private Sentinel1Folder() {}

  public static List<Acquisition> scan(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new RasterFormatException(folder, "not a folder");
    }
    Map<String, Map<Polarization, Path>> groups = new TreeMap<>();
    Map<String, LocalDateTime> times = new TreeMap<>();
    for (Path file : AcquisitionNames.tiffFiles(folder, 4)) {
      Optional<Polarization> polarization = polarization(file);
      if (polarization.isEmpty()) {
        continue;
      }
      Path relative = folder.relativize(file);
      LocalDateTime time = AcquisitionNames.findTime(relative).orElseThrow(() -> new RasterFormatException(file,
          "cannot find the acquisition date; name files like S1A_20230104T061712_VV.tif or put them in a folder "
              + "whose name contains the date (yyyyMMdd or yyyyMMddTHHmmss)"));
      String id = "S1_" + time.format(ID_TIME);
      Path existing = groups.computeIfAbsent(id, k -> new EnumMap<>(Polarization.class)).putIfAbsent(polarization.get(), file);
      if (existing != null) {
        throw new RasterFormatException(file, "two " + polarization.get() + " files for acquisition " + id + " (also "
            + existing + "); keep one per polarisation and date");
      }
      times.put(id, time);
    }
    if (groups.isEmpty()) {
      throw new RasterFormatException(folder, "no GeoTIFF named by a Sentinel-1 polarisation (e.g. …_VV.tif, iw-vh.tif)");
    }
    List<Acquisition> out = new ArrayList<>();
    groups.forEach((id, files) -> out.add(new Acquisition(id, times.get(id).toInstant(ZoneOffset.UTC), files)));
    return out;
  }

  private static Optional<Polarization> polarization(Path file) {
    Polarization found = null;
    for (String token : AcquisitionNames.tokens(file)) {
      for (Polarization p : Polarization.values()) {
        if (token.toUpperCase(Locale.ROOT).equals(p.name())) {
          found = p;
        }
      }
    }
    return Optional.ofNullable(found);
  }
}

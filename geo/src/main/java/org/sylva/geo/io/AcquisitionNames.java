package org.sylva.geo.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the names of downloaded satellite files say about them. Names are split into tokens at
 * {@code _ . -}; a token {@code 20230612} or {@code 20230612T105629} is the acquisition date (time UTC), found
 * in the file name or else in the nearest parent folder (SAFE-style product folders such as
 * {@code S2B_MSIL2A_20230612T105629_N0509_…} or {@code S1A_IW_GRDH_1SDV_20230104T061712_…}).
 */
public final class AcquisitionNames {

  private static final Pattern DATE = Pattern.compile("(\\d{8})(T(\\d{6}))?");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private AcquisitionNames() {}

  /** The tokens of a file name without its {@code .tif}/{@code .tiff} extension. */
  public static List<String> tokens(Path file) {
    String stem = file.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
    return List.of(stem.split("[_.\\-]"));
  }

  /** The date in the last name of {@code relative} that has one (file first, then parent folders). */
  public static Optional<LocalDateTime> findTime(Path relative) {
    for (int i = relative.getNameCount() - 1; i >= 0; i--) {
      for (String token : relative.getName(i).toString().split("[_.\\-]")) {
        Matcher m = DATE.matcher(token);
        if (m.matches()) {
          try {
            LocalDate date = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            return Optional.of(m.group(3) == null ? date.atStartOfDay() : LocalDateTime.parse(m.group(1) + m.group(3), DATE_TIME));
          } catch (DateTimeParseException e) {
            // eight digits that are not a date (e.g. an orbit number): keep looking
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The first token matching {@code pattern}, searching the file name first, then parent folders. */
  public static Optional<String> findToken(Path relative, Pattern pattern) {
    for (int i = relative.getNameCount() - 1; i >= 0; i--) {
      for (String token : relative.getName(i).toString().split("[_.\\-]")) {
        if (pattern.matcher(token).matches()) {
          return Optional.of(token);
        }
      }
    }
    return Optional.empty();
  }

  /** GeoTIFF files ({@code .tif}, {@code .tiff}) up to {@code depth} folders below {@code folder}, sorted. */
  public static List<Path> tiffFiles(Path folder, int depth) throws IOException {
    try (var walk = Files.walk(folder, depth)) {
      return walk.filter(Files::isRegularFile).filter(AcquisitionNames::isTiff).sorted().toList();
    }
  }

  public static boolean isTiff(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".tif") || name.endsWith(".tiff");
  }
}

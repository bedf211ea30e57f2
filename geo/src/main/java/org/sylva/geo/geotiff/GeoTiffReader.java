package org.sylva.geo.geotiff;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.sylva.geo.raster.DataType;
import org.sylva.geo.raster.GeoTransform;
import org.sylva.geo.raster.GridGeometry;
import org.sylva.geo.raster.PixelWindow;
import org.sylva.geo.raster.RasterBlock;
import org.sylva.geo.raster.RasterFormatException;
import org.sylva.geo.raster.RasterSource;

/**
 * An open GeoTIFF (classic or BigTIFF, tiled or stripped, none/LZW/Deflate with predictors 1–3, pixel- or
 * band-interleaved, uint8/int16/uint16/float32). Opening reads only the header and IFDs; {@link #read}
 * reads and decodes just the tiles or strips that intersect the window, so a 10980×10980 band never needs
 * to be in memory. Internal overviews are readable as {@link #overview(int) sources of their own}.
 *
 * <p>Small reads keep decoded tiles in an LRU cache shared by all open files (256 MiB or an eighth of the heap
 * in all), as GDAL's block cache does, so overlapping windows decode shared tiles once; whole-band reads
 * bypass it; closing a reader drops its tiles.
 *
 * <p>Thread-safe: any number of threads may read (different or equal windows) concurrently; reads use
 * positional I/O on one shared {@link FileChannel} and per-thread decode buffers. Close once, after all
 * reads finished; a read after close fails with "the reader is closed".
 */
public final class GeoTiffReader implements RasterSource, AutoCloseable {

  private final Path path;
  private final FileChannel channel;
  private final TiffStructure tiff;
  private final GridGeometry grid;
  private final OptionalDouble nodata;
  private final GdalMetadata metadata;
  private final List<String> bandNames;
  private final ImageReader main;
  private final Level fullResolution;
  private final List<ImageReader> overviews;

  private GeoTiffReader(Path path, FileChannel channel) throws IOException {
    this.path = path;
    this.channel = channel;
    this.tiff = TiffStructure.read(path, channel);
    long size = channel.size();
    TiffDirectory first = tiff.directories().get(0);
    TiffImage mainImage = TiffImage.from(path, first, size);
    ImageStructure s = mainImage.structure();
    this.grid = GeoReferencing.read(path, first, s.width(), s.height());
    this.nodata = parseNodata(path, first.text(TiffTags.GDAL_NODATA));
    this.metadata = GdalMetadata.parse(path, first.text(TiffTags.GDAL_METADATA), s.bands());
    List<String> names = new ArrayList<>();
    for (int b = 0; b < s.bands(); b++) {
      names.add(metadata.bands().get(b).description().orElse("band" + (b + 1)));
    }
    this.bandNames = List.copyOf(names);
    float fill = nodata.isPresent() ? (float) nodata.getAsDouble() : 0f;
    TileCache cache = TileCache.shared();
    this.main = new ImageReader(path, channel, tiff.order(), mainImage, fill, cache, this, 0);
    this.fullResolution = new Level(grid, main);
    List<ImageReader> levels = new ArrayList<>();
    for (TiffDirectory dir : tiff.directories().subList(1, tiff.directories().size())) {
      if ((dir.subfileType() & TiffTags.SUBFILE_REDUCED) == 0 || (dir.subfileType() & TiffTags.SUBFILE_MASK) != 0) {
        continue; // masks and unrelated pages are not overviews
      }
      TiffImage level = TiffImage.from(path, dir, size);
      if (level.structure().bands() == s.bands() && level.structure().width() < s.width()) {
        levels.add(new ImageReader(path, channel, tiff.order(), level, fill, cache, this, levels.size() + 1));
      }
    }
    levels.sort(Comparator.comparingInt((ImageReader r) -> r.structure().width()).reversed());
    this.overviews = List.copyOf(levels);
  }

  /** Opens a GeoTIFF for reading; fails with a one-line message naming the file if it cannot be used. */
  public static GeoTiffReader open(Path path) throws IOException {
    if (java.nio.file.Files.isDirectory(path)) {
      throw new RasterFormatException(path, "is a directory, not a GeoTIFF");
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new RasterFormatException(path, "no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new RasterFormatException(path, "permission denied");
    }
    try {
      return new GeoTiffReader(path, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public GridGeometry grid() {
    return grid;
  }

  @Override
  public DataType dataType() {
    return main.structure().dataType();
  }

  @Override
  public int bandCount() {
    return main.structure().bands();
  }

  @Override
  public List<String> bandNames() {
    return bandNames;
  }

  @Override
  public OptionalDouble nodata() {
    return nodata;
  }

  /** Per-band description, unit, scale/offset and items from GDAL_METADATA. */
  public List<BandMetadata> bandMetadata() {
    return metadata.bands();
  }

  /** Dataset-level GDAL_METADATA items. */
  public Map<String, String> metadata() {
    return metadata.dataset();
  }

  /** Storage of the full-resolution image: tiling, compression, predictor, interleave. */
  public ImageStructure structure() {
    return main.structure();
  }

  public boolean isBigTiff() {
    return tiff.bigTiff();
  }

  public ByteOrder byteOrder() {
    return tiff.order();
  }

  /** Whether GDAL's structural metadata declares the Cloud-Optimized layout (IFDs before data). */
  public boolean declaresCogLayout() {
    return tiff.declaresCogLayout();
  }

  public int overviewCount() {
    return overviews.size();
  }

  /** Storage of each internal overview, largest first. */
  public List<ImageStructure> overviewStructures() {
    return overviews.stream().map(ImageReader::structure).toList();
  }

  /** Overview {@code level} (0 = the largest) as a source on its own coarser grid, sharing this reader's file. */
  public RasterSource overview(int level) {
    if (level < 0 || level >= overviews.size()) {
      throw new IllegalArgumentException(path + ": overview " + level + " does not exist (" + overviews.size() + " overviews)");
    }
    ImageReader reader = overviews.get(level);
    ImageStructure s = reader.structure();
    double fx = (double) grid.width() / s.width();
    double fy = (double) grid.height() / s.height();
    GeoTransform t = grid.transform();
    GridGeometry overviewGrid = new GridGeometry(grid.crs(), new GeoTransform(t.originX(), t.pixelWidth() * fx,
        t.rowRotation() * fy, t.originY(), t.colRotation() * fx, t.pixelHeight() * fy), s.width(), s.height());
    return new Level(overviewGrid, reader);
  }

  @Override
  public float[] read(PixelWindow window, int band) throws IOException {
    return fullResolution.read(window, band);
  }

  /** Reads all bands, decoding each pixel-interleaved tile once. */
  @Override
  public RasterBlock read(PixelWindow window) throws IOException {
    return fullResolution.read(window);
  }

  @Override
  public void close() throws IOException {
    channel.close();
    TileCache.shared().evictFile(this);
  }

  @Override
  public String toString() {
    return "GeoTiffReader[" + path + ", " + grid + "]";
  }

  static OptionalDouble parseNodata(Path file, String text) throws RasterFormatException {
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      return switch (t) {
        case "nan", "-nan" -> OptionalDouble.of(Double.NaN);
        case "inf", "+inf", "infinity" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
        case "-inf", "-infinity" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
        default -> OptionalDouble.of(Double.parseDouble(t));
      };
    } catch (NumberFormatException e) {
      throw new RasterFormatException(file, "unreadable GDAL_NODATA value \"" + text.trim() + "\"");
    }
  }

  /** One image of the file (full resolution or an overview level) seen as a raster source on its own grid. */
  private final class Level implements RasterSource {
    private final GridGeometry levelGrid;
    private final ImageReader reader;

    Level(GridGeometry levelGrid, ImageReader reader) {
      this.levelGrid = levelGrid;
      this.reader = reader;
    }

    @Override
    public GridGeometry grid() {
      return levelGrid;
    }

    @Override
    public DataType dataType() {
      return GeoTiffReader.this.dataType();
    }

    @Override
    public int bandCount() {
      return GeoTiffReader.this.bandCount();
    }

    @Override
    public List<String> bandNames() {
      return bandNames;
    }

    @Override
    public OptionalDouble nodata() {
      return nodata;
    }

    @Override
    public float[] read(PixelWindow window, int band) throws IOException {
      return reader.read(window, new int[] {band})[0];
    }

    @Override
    public RasterBlock read(PixelWindow window) throws IOException {
      int[] all = new int[bandCount()];
      for (int b = 0; b < all.length; b++) {
        all[b] = b;
      }
      float[][] bands = reader.read(window, all); // validates the window with a message naming the file
      return new RasterBlock(levelGrid.window(window), dataType(), bandNames, nodata, bands);
    }
  }
}

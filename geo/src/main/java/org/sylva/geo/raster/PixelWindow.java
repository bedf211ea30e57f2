package org.sylva.geo.raster;

/**
 * A rectangle of pixels: columns {@code [col, col + width)} and rows {@code [row, row + height)} of some
 * grid. Offsets may be negative or reach past the grid only while computing; readers reject such windows.
 */
public record PixelWindow(int col, int row, int width, int height) {

  public PixelWindow {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("window size must be positive, got " + width + "x" + height);
    }
  }

  public static PixelWindow full(int width, int height) {
    return new PixelWindow(0, 0, width, height);
  }

  public long pixelCount() {
    return (long) width * height;
  }

  public int endCol() {
    return col + width;
  }

  public int endRow() {
    return row + height;
  }

  /** Whether this window lies entirely inside a {@code gridWidth × gridHeight} grid. */
  public boolean fitsIn(int gridWidth, int gridHeight) {
    return col >= 0 && row >= 0 && endCol() <= gridWidth && endRow() <= gridHeight;
  }

  @Override
  public String toString() {
    return "window[col=" + col + ", row=" + row + ", " + width + "x" + height + "]";
  }
}

package org.sylva.pipelines.canopy.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sylva.geo.raster.PixelWindow;

/**
 * How the 10 m grid is cut into patches and blocks: non-overlapping {@code patchSize}² patches from the
 * grid's top-left corner (a remainder narrower than a patch at the right and bottom edges is not used for
 * training; the map still covers it), grouped into blocks of {@code blockPatches × blockPatches} patches.
 * Blocks are the unit of the spatial split.
 */
public record PatchLayout(int gridWidth, int gridHeight, int patchSize, int blockPatches) implements Serializable {

  public PatchLayout {
    if (patchSize < 8) {
      throw new IllegalArgumentException("patch size must be at least 8 pixels, got " + patchSize);
    }
    if (blockPatches < 1) {
      throw new IllegalArgumentException("a block holds at least 1 patch per side, got " + blockPatches);
    }
    if (patchSize > gridWidth || patchSize > gridHeight) {
      throw new IllegalArgumentException("patch size " + patchSize + " px does not fit in the " + gridWidth + "x"
          + gridHeight + " grid");
    }
  }

  /** A patch by its position in patch units. */
  public record Position(int patchRow, int patchCol, PixelWindow window, int blockRow, int blockCol) implements Serializable {}

  public int patchRows() {
    return gridHeight / patchSize;
  }

  public int patchColumns() {
    return gridWidth / patchSize;
  }

  public int blockRows() {
    return (patchRows() + blockPatches - 1) / blockPatches;
  }

  public int blockColumns() {
    return (patchColumns() + blockPatches - 1) / blockPatches;
  }

  /** Every patch, row by row. */
  public List<Position> positions() {
    List<Position> out = new ArrayList<>();
    for (int r = 0; r < patchRows(); r++) {
      for (int c = 0; c < patchColumns(); c++) {
        out.add(position(r, c));
      }
    }
    return out;
  }

  public Position position(int patchRow, int patchCol) {
    return new Position(patchRow, patchCol, new PixelWindow(patchCol * patchSize, patchRow * patchSize, patchSize, patchSize),
        patchRow / blockPatches, patchCol / blockPatches);
  }
}

package org.sylva.pipelines.tsc.ranking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.sylva.models.io.AtomicFiles;

/**
 * Draws a critical-difference diagram (Demšar 2006) of a {@link RankAnalysis} with Java2D: an axis of
 * average ranks (1, the best, on the left), each classifier hung from its average rank with its name and
 * rank, the better half labelled on the left and the rest on the right, thick bars joining classifiers the
 * Wilcoxon–Holm procedure could not tell apart, and the Nemenyi critical difference as a reference
 * segment. Fixed size and font, no timestamp: the same analysis gives the same PNG bytes on one machine.
 */
public final class CriticalDifferenceDiagram {

  private static final int WIDTH = 900;
  private static final int MARGIN = 190;
  private static final int AXIS_Y = 110;
  private static final int ROW = 28;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private CriticalDifferenceDiagram() {}

  /** Writes the diagram as a PNG, atomically. */
  public static void write(Path png, RankAnalysis analysis, String title) throws IOException {
    BufferedImage image = render(analysis, title);
    AtomicFiles.writeStream(png, out -> ImageIO.write(image, "png", out));
  }

  static BufferedImage render(RankAnalysis a, String title) {
    int k = a.models().size();
    int[] order = a.order();
    int leftCount = (k + 1) / 2;
    int labelRows = Math.max(leftCount, k - leftCount);
    int cliqueRows = a.cliques().size();
    int height = AXIS_Y + 40 + cliqueRows * 12 + labelRows * ROW + 40;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      g.setColor(Color.BLACK);
      g.setFont(FONT);
      g.drawString(title, 20, 26);
      g.setFont(SMALL);
      g.drawString(subtitle(a), 20, 46);

      double x0 = MARGIN;
      double x1 = WIDTH - MARGIN;
      int maxRank = Math.max(2, k);
      java.util.function.DoubleUnaryOperator xOf = r -> x0 + (r - 1) / (maxRank - 1) * (x1 - x0);
      g.setStroke(new BasicStroke(1.5f));
      g.drawLine((int) x0, AXIS_Y, (int) x1, AXIS_Y);
      FontMetrics small = g.getFontMetrics(SMALL);
      for (int r = 1; r <= maxRank; r++) {
        int x = (int) Math.round(xOf.applyAsDouble(r));
        g.drawLine(x, AXIS_Y - 8, x, AXIS_Y);
        String label = Integer.toString(r);
        g.drawString(label, x - small.stringWidth(label) / 2, AXIS_Y - 12);
      }
      if (Double.isFinite(a.nemenyiCriticalDifference())) {
        double cdEnd = Math.min(maxRank, 1 + a.nemenyiCriticalDifference());
        int cx0 = (int) Math.round(xOf.applyAsDouble(1));
        int cx1 = (int) Math.round(xOf.applyAsDouble(cdEnd));
        g.drawLine(cx0, AXIS_Y - 40, cx1, AXIS_Y - 40);
        g.drawLine(cx0, AXIS_Y - 45, cx0, AXIS_Y - 35);
        g.drawLine(cx1, AXIS_Y - 45, cx1, AXIS_Y - 35);
        g.drawString(String.format(Locale.ROOT, "Nemenyi CD = %.2f", a.nemenyiCriticalDifference()), cx1 + 8, AXIS_Y - 36);
      }

      g.setStroke(new BasicStroke(4f));
      int cliqueY = AXIS_Y + 16;
      for (List<Integer> clique : a.cliques()) {
        double lo = clique.stream().mapToDouble(i -> a.averageRanks()[i]).min().orElseThrow();
        double hi = clique.stream().mapToDouble(i -> a.averageRanks()[i]).max().orElseThrow();
        g.drawLine((int) Math.round(xOf.applyAsDouble(lo)) - 4, cliqueY, (int) Math.round(xOf.applyAsDouble(hi)) + 4, cliqueY);
        cliqueY += 12;
      }

      g.setStroke(new BasicStroke(1.2f));
      g.setFont(FONT);
      FontMetrics fm = g.getFontMetrics(FONT);
      int firstRowY = cliqueY + 22;
      for (int position = 0; position < k; position++) {
        int model = order[position];
        boolean left = position < leftCount;
        int row = left ? position : k - 1 - position;
        int y = firstRowY + row * ROW;
        int x = (int) Math.round(xOf.applyAsDouble(a.averageRanks()[model]));
        int end = left ? (int) x0 - 20 : (int) x1 + 20;
        g.drawLine(x, AXIS_Y, x, y);
        g.drawLine(x, y, end, y);
        String text = String.format(Locale.ROOT, "%s (%.2f)", a.models().get(model), a.averageRanks()[model]);
        int tx = left ? end - 6 - fm.stringWidth(text) : end + 6;
        g.drawString(text, tx, y + fm.getAscent() / 2 - 2);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static String subtitle(RankAnalysis a) {
    StringBuilder s = new StringBuilder();
    s.append(a.datasets().size()).append(" datasets, average rank (1 = best). Bars: no significant difference (Wilcoxon–Holm, α = ")
        .append(a.alpha()).append(")");
    if (a.friedman() != null) {
      s.append(String.format(Locale.ROOT, "; Friedman p = %.3g", a.friedman().pValue()));
    }
    return s.toString();
  }
}

package org.sylva.models.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.sylva.models.io.AtomicFiles;

/**
 * PNG plots used across Sylva's reports (JFreeChart): scatter of predicted vs reference, error
 * histograms, loss curves and colour-mapped fields with a colour bar. Files are written atomically and
 * the same data gives the same bytes on the same machine (no timestamps, fixed sizes and fonts).
 */
public final class Charts {

  public static final int WIDTH = 900;
  public static final int HEIGHT = 700;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

  private Charts() {}

  /** Scatter plot of {@code y} against {@code x}, with the 1:1 line when {@code oneToOne}. */
  public static void scatter(Path png, String title, String xLabel, String yLabel, double[] x, double[] y, boolean oneToOne)
      throws IOException {
    requireSameLength(x, y);
    DefaultXYDataset data = new DefaultXYDataset();
    data.addSeries("points", new double[][] {x, y});
    JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, new Color(31, 119, 180, 90));
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
    if (oneToOne && x.length > 0) {
      double lo = Math.min(min(x), min(y));
      double hi = Math.max(max(x), max(y));
      plot.addAnnotation(new XYLineAnnotation(lo, lo, hi, hi, new BasicStroke(1.5f), Color.DARK_GRAY));
    }
    save(png, style(chart));
  }

  /** Histogram of {@code values} in {@code bins} equal-width bins. */
  public static void histogram(Path png, String title, String xLabel, double[] values, int bins) throws IOException {
    HistogramDataset data = new HistogramDataset();
    data.addSeries("values", values.length == 0 ? new double[] {0} : values, bins);
    JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "count", data, PlotOrientation.VERTICAL, false, false, false);
    chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
    save(png, style(chart));
  }

  /**
   * Line chart of named series, each {@code {xs, ys}}; a logarithmic y axis when {@code logY} (loss curves).
   * Series keep their insertion order in the legend.
   */
  public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean logY)
      throws IOException {
    DefaultXYDataset data = new DefaultXYDataset();
    for (Map.Entry<String, double[][]> s : new LinkedHashMap<>(series).entrySet()) {
      requireSameLength(s.getValue()[0], s.getValue()[1]);
      data.addSeries(s.getKey(), s.getValue());
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
    if (logY) {
      LogAxis axis = new LogAxis(yLabel);
      axis.setSmallestValue(1e-12);
      chart.getXYPlot().setRangeAxis(axis);
    }
    save(png, style(chart));
  }

  /**
   * A field of {@code width × height} values (row-major, first row at the top, NaN drawn light grey)
   * over map extents {@code [xMin, xMax] × [yMin, yMax]}, coloured with {@code colormap} between
   * {@code vMin} and {@code vMax}, with a labelled colour bar. Large fields are drawn as an image, not as
   * chart items, so a 2000×2000 map renders in well under a second.
   */
  public static void field(Path png, String title, String xLabel, String yLabel, float[] values, int width, int height,
      double xMin, double xMax, double yMin, double yMax, Colormap colormap, double vMin, double vMax, String colourbarLabel)
      throws IOException {
    if (values.length != (long) width * height) {
      throw new IllegalArgumentException(values.length + " values for a " + width + "x" + height + " field");
    }
    if (!(vMax > vMin)) {
      vMax = vMin + 1;
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        float v = values[row * width + col];
        image.setRGB(col, row, Float.isNaN(v) ? 0xDDDDDD : colormap.rgb((v - vMin) / (vMax - vMin)));
      }
    }
    NumberAxis xAxis = new NumberAxis(xLabel);
    NumberAxis yAxis = new NumberAxis(yLabel);
    xAxis.setRange(xMin, xMax);
    yAxis.setRange(yMin, yMax);
    xAxis.setAutoRangeIncludesZero(false);
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(new DefaultXYDataset(), xAxis, yAxis, new XYLineAndShapeRenderer(false, false));
    plot.setBackgroundImage(image);
    plot.setBackgroundImageAlignment(Align.FIT);
    plot.setBackgroundImageAlpha(1f);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis scaleAxis = new NumberAxis(colourbarLabel);
    scaleAxis.setRange(vMin, vMax);
    PaintScaleLegend legend = new PaintScaleLegend(new ColormapScale(colormap, vMin, vMax), scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(10, 10, 10, 10));
    legend.setStripWidth(18);
    chart.addSubtitle(legend);
    double aspect = (double) height / width;
    int plotWidth = 760;
    save(png, style(chart), plotWidth + 140, (int) Math.max(300, Math.min(1400, plotWidth * aspect + 90)));
  }

  private static JFreeChart style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(new Color(220, 220, 220));
      plot.setRangeGridlinePaint(new Color(220, 220, 220));
      plot.getDomainAxis().setLabelFont(LABEL_FONT);
      plot.getRangeAxis().setLabelFont(LABEL_FONT);
    }
    return chart;
  }

  private static void save(Path png, JFreeChart chart) throws IOException {
    save(png, chart, WIDTH, HEIGHT);
  }

  private static void save(Path png, JFreeChart chart, int width, int height) throws IOException {
    AtomicFiles.writeStream(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
  }

  private static void requireSameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
    }
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double d : v) if (!Double.isNaN(d)) m = Math.min(m, d);
    return m;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double d : v) if (!Double.isNaN(d)) m = Math.max(m, d);
    return m;
  }

  /** A JFreeChart paint scale backed by a {@link Colormap}. */
  private record ColormapScale(Colormap colormap, double lower, double upper) implements PaintScale {
    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      return colormap.at((value - lower) / (upper - lower));
    }
  }
}

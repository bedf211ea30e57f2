package org.sylva.models.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  @TempDir Path dir;

  @Test
  void fieldPlotDrawsTheColourMappedValuesAndIsDeterministic() throws Exception {
    int w = 40;
    int h = 20;
    float[] values = new float[w * h];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % w; // 0 at the left edge, 39 at the right edge
    }
    values[0] = Float.NaN;
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Charts.field(a, "field", "x", "y", values, w, h, 0, 400, 0, 200, Colormap.VIRIDIS, 0, 39, "value");
    Charts.field(b, "field", "x", "y", values, w, h, 0, 400, 0, 200, Colormap.VIRIDIS, 0, 39, "value");
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

    BufferedImage image = ImageIO.read(a.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    // Somewhere in the plot the lowest and the highest colours of the map both appear.
    boolean sawLow = false;
    boolean sawHigh = false;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        sawLow |= rgb == Colormap.VIRIDIS.rgb(0);
        sawHigh |= rgb == Colormap.VIRIDIS.rgb(1);
      }
    }
    assertThat(sawLow).isTrue();
    assertThat(sawHigh).isTrue();
  }

  @Test
  void colormapEndsAreTheAnchorColours() {
    assertThat(Colormap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
    assertThat(Colormap.VIRIDIS.rgb(1)).isEqualTo(0xFDE725);
    assertThat(Colormap.VIRIDIS.rgb(-3)).isEqualTo(0x440154);
    assertThat(Colormap.BLUE_RED.rgb(0.5)).isEqualTo(0xF7F7F7);
  }

  @Test
  void scatterHistogramAndLinesWritePngs() throws Exception {
    double[] x = {1, 2, 3, 4};
    double[] y = {1.1, 1.9, 3.2, 3.9};
    Charts.scatter(dir.resolve("s.png"), "s", "ref", "pred", x, y, true);
    Charts.histogram(dir.resolve("h.png"), "h", "err", new double[] {-1, 0, 0.5, 2}, 10);
    Charts.lines(dir.resolve("l.png"), "loss", "step", "loss", Map.of("train", new double[][] {x, y}), true);
    for (String name : new String[] {"s.png", "h.png", "l.png"}) {
      BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
      assertThat(image.getWidth()).as(name).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).as(name).isEqualTo(Charts.HEIGHT);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }
}

package org.sylva.geo.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.sylva.geo.gedi.GediBeam;
import org.sylva.geo.gedi.GediBeamData;
import org.sylva.geo.gedi.GediTime;
import org.sylva.geo.raster.GridGeometry;

/**
 * GEDI L2A shots over the demo scene. Each pass (one granule) crosses the scene along the ISS ground-track
 * heading at 44° N (≈ 60° from north ascending, 120° descending) with 8 beams 600 m apart and a shot every
 * 60 m; pass offsets are stratified across the scene so coverage is even. The number of passes is set so
 * that about {@code gediCoverageTarget} of the pixels fall in a kept 25 m footprint (≈ 4.9 pixels of 10 m)
 * after the default filters. RH98 is the tallest true height within the footprint plus noise (ground-only
 * footprints give ~2.5 m, the pulse width); RH95 and RH100 follow. Quality varies as in real data: cloudy
 * passes (mostly quality_flag 0 with spurious heights), scattered low-quality shots, degraded segments
 * (geolocation off by up to 200 m), coverage beams with lower sensitivity under dense canopy (and
 * under-estimated heights when sensitivity is low), winter passes flagged leaf-off, and some passes from
 * the previous year. Shots are clipped to the scene's longitude/latitude box, like an AOI subset.
 */
final class GediSimulator {

  /** Share of shots the default filters are expected to keep (used only to size the pass count). */
  private static final double EXPECTED_KEEP = 0.45;
  private static final double PIXELS_PER_FOOTPRINT = Math.PI * 12.5 * 12.5 / 100;
  private static final double BEAM_SPACING = 600;
  private static final double SHOT_SPACING = 60;
  private static final double HEADING_DEG = 60;

  private GediSimulator() {}

  record Granule(String fileName, List<GediBeamData> beams) {}

  static List<Granule> simulate(DemoSceneSpec spec, ForestLandscape land, GridGeometry grid) {
    MathTransform toLonLat;
    try {
      toLonLat = CRS.findOperation(grid.crs(), CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
    } catch (FactoryException e) {
      throw new IllegalStateException("no UTM to WGS84 transform: " + e.getMessage(), e);
    }
    double sceneW = spec.width() * DemoSceneSpec.PIXEL_METRES;
    double sceneH = spec.height() * DemoSceneSpec.PIXEL_METRES;
    double[] lonLatBox = lonLatBox(toLonLat, grid);
    double heading = Math.toRadians(HEADING_DEG);
    // Width of the band of track offsets that can touch the scene, for a track at this heading.
    double span = sceneW * Math.cos(heading) + sceneH * Math.sin(heading) + 8 * BEAM_SPACING;
    int passes = (int) Math.ceil(spec.gediCoverageTarget() * span * SHOT_SPACING
        / (8 * EXPECTED_KEEP * PIXELS_PER_FOOTPRINT * DemoSceneSpec.PIXEL_METRES * DemoSceneSpec.PIXEL_METRES));
    List<Granule> granules = new ArrayList<>();
    double cx = spec.originX() + sceneW / 2;
    double cy = spec.originY() - sceneH / 2;
    for (int p = 0; p < passes; p++) {
      SplittableRandom random = Seeds.random(spec.seed(), "gedi-pass", p);
      boolean ascending = random.nextBoolean();
      double angle = ascending ? heading : Math.PI - heading; // clockwise from north
      double dirX = Math.sin(angle);
      double dirY = Math.cos(angle);
      double perpX = dirY;
      double perpY = -dirX;
      double offset = ((p + random.nextDouble()) / passes - 0.5) * span;
      boolean previousYear = random.nextDouble() < 0.12;
      int dayOfYear = 1 + random.nextInt(365);
      LocalDate date = LocalDate.ofYearDay(spec.year() - (previousYear ? 1 : 0), dayOfYear);
      int month = date.getMonthValue();
      boolean leafOff = month == 12 || month <= 2;
      boolean cloudy = random.nextDouble() < 0.18;
      Instant start = date.atTime(random.nextInt(24), random.nextInt(60)).toInstant(ZoneOffset.UTC);
      int orbit = 20_000 + 37 * p + random.nextInt(30);
      List<GediBeamData> beams = new ArrayList<>();
      GediBeam[] all = GediBeam.values();
      int missingBeam = random.nextDouble() < 0.15 ? random.nextInt(8) : -1; // subsets sometimes lack a beam
      for (int b = 0; b < 8; b++) {
        if (b == missingBeam) {
          continue;
        }
        double beamOffset = offset + (b - 3.5) * BEAM_SPACING;
        GediBeamData data = beam(spec, land, grid, toLonLat, lonLatBox, all[b], orbit, start, cx + perpX * beamOffset,
            cy + perpY * beamOffset, dirX, dirY, Math.hypot(sceneW, sceneH), cloudy, leafOff,
            Seeds.random(spec.seed(), "gedi-beam", p * 8L + b));
        if (data.size() > 0) {
          beams.add(data);
        }
      }
      if (!beams.isEmpty()) {
        String stamp = String.format("%d%03d%02d%02d00", date.getYear(), dayOfYear,
            start.atZone(ZoneOffset.UTC).getHour(), start.atZone(ZoneOffset.UTC).getMinute());
        granules.add(new Granule(String.format("GEDI02_A_%s_O%05d_02_T%05d_02_003_02_V002.h5", stamp, orbit,
            10_000 + p), beams));
      }
    }
    return granules;
  }

  private static GediBeamData beam(DemoSceneSpec spec, ForestLandscape land, GridGeometry grid, MathTransform toLonLat,
      double[] box, GediBeam beam, int orbit, Instant start, double px, double py, double dirX, double dirY,
      double halfLength, boolean cloudy, boolean leafOff, SplittableRandom random) {
    List<double[]> xy = new ArrayList<>();
    for (double s = -halfLength; s <= halfLength; s += SHOT_SPACING) {
      xy.add(new double[] {px + dirX * s, py + dirY * s, s});
    }
    double[] points = new double[2 * xy.size()];
    for (int k = 0; k < xy.size(); k++) {
      points[2 * k] = xy.get(k)[0];
      points[2 * k + 1] = xy.get(k)[1];
    }
    double[] lonLat = new double[points.length];
    try {
      toLonLat.transform(points, 0, lonLat, 0, xy.size());
    } catch (TransformException e) {
      throw new IllegalStateException(e);
    }
    List<Integer> inside = new ArrayList<>();
    for (int k = 0; k < xy.size(); k++) {
      double lon = lonLat[2 * k];
      double lat = lonLat[2 * k + 1];
      if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]) {
        inside.add(k);
      }
    }
    int n = inside.size();
    long[] shot = new long[n];
    double[] dt = new double[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    double[] elev = new double[n];
    double[][] rh = new double[n][];
    int[] quality = new int[n];
    int[] degrade = new int[n];
    float[] sensitivity = new float[n];
    int[] leaf = new int[n];
    int degradedFrom = random.nextDouble() < 0.25 ? random.nextInt(Math.max(1, n)) : Integer.MAX_VALUE;
    int degradedLength = 20 + random.nextInt(60);
    double startDelta = GediTime.toDeltaTime(start);
    for (int j = 0; j < n; j++) {
      int k = inside.get(j);
      double x = xy.get(k)[0];
      double y = xy.get(k)[1];
      shot[j] = orbit * 10_000_000_000_000L + beam.number() * 100_000_000_000L + 1_000_000_000L + k;
      dt[j] = startDelta + (xy.get(k)[2] + halfLength) / 7_260.0; // ISS ground speed ≈ 7.26 km/s
      lon[j] = lonLat[2 * k];
      lat[j] = lonLat[2 * k + 1];
      elev[j] = 60 + 30 * (y - spec.originY()) / 20_000.0 + 0.3 * random.nextGaussian();
      double top = topHeight(land, grid, x, y);
      double density = meanCover(land, grid, x, y);
      double sens = beam.isPower() ? 0.975 + 0.012 * random.nextGaussian()
          : 0.978 - 0.035 * density + 0.015 * random.nextGaussian();
      sensitivity[j] = (float) Math.max(0, Math.min(0.999, sens));
      boolean bad = cloudy ? random.nextDouble() < 0.85 : random.nextDouble() < 0.07;
      quality[j] = bad ? 0 : 1;
      boolean degraded = j >= degradedFrom && j < degradedFrom + degradedLength;
      degrade[j] = degraded ? 13 : 0;
      leaf[j] = leafOff ? 1 : 0;
      double rh98;
      if (bad) {
        rh98 = random.nextDouble() < 0.5 ? 20 + 60 * random.nextDouble() : -5 + 8 * random.nextDouble();
      } else if (degraded) {
        double dx = (random.nextDouble() - 0.5) * 400;
        double dy = (random.nextDouble() - 0.5) * 400;
        rh98 = measured(topHeight(land, grid, x + dx, y + dy), random);
      } else {
        rh98 = measured(top, random);
        if (sensitivity[j] < 0.95) {
          rh98 *= 0.55 + 0.4 * random.nextDouble(); // weak returns miss the ground: heights under-estimated
        }
      }
      rh[j] = profile(rh98, random);
    }
    return new GediBeamData(beam, shot, dt, lat, lon, elev, rh, quality, degrade, sensitivity, leaf);
  }

  private static double measured(double topHeight, SplittableRandom random) {
    double groundSignal = 2.5 + 0.6 * random.nextGaussian(); // pulse width: bare ground reads ~2–3 m
    return Math.max(groundSignal, topHeight + 1.2 * random.nextGaussian());
  }

  /** A monotone 101-percentile RH profile (metres) around RH98. */
  private static double[] profile(double rh98, SplittableRandom random) {
    double rh95 = rh98 - 0.04 * Math.abs(rh98) - Math.abs(0.3 * random.nextGaussian());
    double rh100 = rh98 + 0.4 + Math.abs(0.4 * random.nextGaussian());
    double[] anchorsP = {0, 10, 25, 50, 75, 95, 98, 100};
    double low = -3.5 + 0.5 * random.nextGaussian();
    double[] anchorsH = {low, low + 1.5, Math.max(low + 2, 0.15 * rh98), Math.max(low + 2.5, 0.55 * rh98),
        Math.max(low + 3, 0.8 * rh98), rh95, rh98, rh100};
    double[] out = new double[101];
    int a = 0;
    for (int p = 0; p <= 100; p++) {
      while (a < anchorsP.length - 2 && p > anchorsP[a + 1]) {
        a++;
      }
      double t = (p - anchorsP[a]) / (anchorsP[a + 1] - anchorsP[a]);
      out[p] = anchorsH[a] + t * (anchorsH[a + 1] - anchorsH[a]);
      if (p > 0) {
        out[p] = Math.max(out[p], out[p - 1]);
      }
    }
    out[95] = Math.max(out[94], rh95);
    out[98] = rh98 < out[97] ? out[97] : rh98;
    out[100] = Math.max(out[99], rh100);
    return out;
  }

  /** The tallest true height within the 12.5 m footprint radius (pixels whose centre is inside). */
  private static double topHeight(ForestLandscape land, GridGeometry grid, double x, double y) {
    double col = grid.transform().col(x, y);
    double row = grid.transform().row(x, y);
    double max = 0;
    for (int r = (int) Math.floor(row - 1.25); r <= (int) Math.floor(row + 1.25); r++) {
      for (int c = (int) Math.floor(col - 1.25); c <= (int) Math.floor(col + 1.25); c++) {
        double dx = (c + 0.5 - col) * 10;
        double dy = (r + 0.5 - row) * 10;
        if (dx * dx + dy * dy <= 12.5 * 12.5 && c >= 0 && r >= 0 && c < land.width() && r < land.height()) {
          max = Math.max(max, land.canopyHeight()[r * land.width() + c]);
        }
      }
    }
    return max;
  }

  private static double meanCover(ForestLandscape land, GridGeometry grid, double x, double y) {
    int c = (int) Math.floor(grid.transform().col(x, y));
    int r = (int) Math.floor(grid.transform().row(x, y));
    if (c < 0 || r < 0 || c >= land.width() || r >= land.height()) {
      return 0.5;
    }
    return land.canopyCover()[r * land.width() + c];
  }

  /** [minLon, minLat, maxLon, maxLat] of the scene corners. */
  private static double[] lonLatBox(MathTransform toLonLat, GridGeometry grid) {
    double[] b = grid.bounds();
    double[] corners = {b[0], b[1], b[2], b[1], b[0], b[3], b[2], b[3]};
    double[] out = new double[8];
    try {
      toLonLat.transform(corners, 0, out, 0, 4);
    } catch (TransformException e) {
      throw new IllegalStateException(e);
    }
    return new double[] {Math.min(Math.min(out[0], out[2]), Math.min(out[4], out[6])),
        Math.min(Math.min(out[1], out[3]), Math.min(out[5], out[7])),
        Math.max(Math.max(out[0], out[2]), Math.max(out[4], out[6])),
        Math.max(Math.max(out[1], out[3]), Math.max(out[5], out[7]))};
  }
}

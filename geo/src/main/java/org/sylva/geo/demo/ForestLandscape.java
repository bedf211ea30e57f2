package org.sylva.geo.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hidden truth of the demo scene: per-pixel canopy height (metres), cover type, canopy cover fraction
 * and understory/soil properties. Layout: the forest is cut into rectilinear parcels by recursive
 * splitting (3–40 ha, as Landes forest blocks); the first (large-block) splits become sandy firebreaks (20 m wide), a
 * few straight roads (10 m) cross the scene; each pine parcel has an age (uniform over a 50-year rotation
 * plus an excess of 10–15-year stands replanted after storm Klaus in 2009), clear-cuts are age 0;
 * irregular broadleaf patches (oak along streams) come from a thresholded smooth field. Within stands,
 * heights vary smoothly (±8 %) with occasional gaps.
 */
public final class ForestLandscape {

  private final int width;
  private final int height;
  private final float[] canopyHeight;
  private final byte[] cover;
  private final float[] canopyCover;
  private final float[] understory;
  private final float[] roughness;
  private final int[] parcel;

  private ForestLandscape(int width, int height) {
    this.width = width;
    this.height = height;
    int n = width * height;
    canopyHeight = new float[n];
    cover = new byte[n];
    canopyCover = new float[n];
    understory = new float[n];
    roughness = new float[n];
    parcel = new int[n];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** True canopy height in metres, 0 on roads, firebreaks and clear-cuts. */
  public float[] canopyHeight() {
    return canopyHeight;
  }

  /** {@link CoverType} codes. */
  public byte[] cover() {
    return cover;
  }

  /** Fraction of the pixel covered by crowns, 0–1. */
  public float[] canopyCover() {
    return canopyCover;
  }

  /** Understory greenness (molinia, bracken, gorse) between 0 (bare sand) and 1, per parcel. */
  public float[] understory() {
    return understory;
  }

  /** Surface roughness for radar, 0 (smooth) to 1 (ploughed, slash), per parcel. */
  public float[] roughness() {
    return roughness;
  }

  public int[] parcel() {
    return parcel;
  }

  private record Rect(int x, int y, int w, int h, int depth) {}

  static ForestLandscape generate(DemoSceneSpec spec) {
    ForestLandscape l = new ForestLandscape(spec.width(), spec.height());
    SplittableRandom random = Seeds.random(spec.seed(), "parcels", 0);
    List<Rect> parcels = new ArrayList<>();
    List<Rect> breaks = new ArrayList<>();
    split(new Rect(0, 0, spec.width(), spec.height(), 0), random, parcels, breaks);
    float[] stand = SmoothNoise.field(Seeds.mix(spec.seed(), "stand", 0), l.width, l.height, 40, 3);
    float[] broadleaf = SmoothNoise.field(Seeds.mix(spec.seed(), "broadleaf", 0), l.width, l.height, 120, 4);
    float broadleafThreshold = SmoothNoise.quantileThreshold(broadleaf, 0.07);
    SplittableRandom gaps = Seeds.random(spec.seed(), "gaps", 0);
    for (int p = 0; p < parcels.size(); p++) {
      Rect r = parcels.get(p);
      double u = random.nextDouble();
      double age = u < 0.07 ? 0 : u < 0.27 ? 10 + random.nextDouble() * 5 : 1 + random.nextDouble() * 49;
      float under = (float) (0.2 + 0.7 * random.nextDouble());
      float rough = (float) (age == 0 ? 0.4 + 0.6 * random.nextDouble() : 0.1 + 0.3 * random.nextDouble());
      double dominant = PineGrowth.heightMetres(age);
      for (int y = r.y; y < r.y + r.h; y++) {
        for (int x = r.x; x < r.x + r.w; x++) {
          int i = y * l.width + x;
          l.parcel[i] = p + 1;
          l.understory[i] = under;
          l.roughness[i] = rough;
          if (broadleaf[i] > broadleafThreshold) {
            float h = (float) (14 + 40 * (broadleaf[i] - broadleafThreshold) + 2 * stand[i]);
            l.canopyHeight[i] = Math.min(24, h);
            l.cover[i] = CoverType.BROADLEAF.code();
            l.canopyCover[i] = (float) (0.92 * (1 - Math.exp(-l.canopyHeight[i] / 4)));
            l.understory[i] = 0.8f;
            continue;
          }
          if (age == 0) {
            l.cover[i] = CoverType.CLEARCUT.code();
            continue;
          }
          double h = dominant * (1 + 0.08 * stand[i]);
          if (gaps.nextDouble() < 0.015) {
            h *= 0.2; // windthrow or thinning gap
          }
          l.canopyHeight[i] = (float) h;
          l.cover[i] = (age < 8 ? CoverType.YOUNG_PINE : CoverType.PINE).code();
          // Crowns close by ~10 m; thinning opens mature stands again (Landes pine stands are thinned 3–4 times).
          double closure = 0.88 * (1 - Math.exp(-h / 4.5));
          double thinning = 0.25 * Math.min(1, Math.max(0, (age - 20) / 25));
          l.canopyCover[i] = (float) Math.max(0, closure - thinning);
        }
      }
    }
    for (Rect b : breaks) {
      paint(l, b, CoverType.FIREBREAK);
    }
    SplittableRandom roads = Seeds.random(spec.seed(), "roads", 0);
    int roadCount = Math.max(1, Math.round(spec.width() / 700f));
    for (int k = 0; k < roadCount; k++) {
      int x = roads.nextInt(spec.width());
      paint(l, new Rect(x, 0, 1, spec.height(), 0), CoverType.ROAD);
      int y = roads.nextInt(spec.height());
      paint(l, new Rect(0, y, spec.width(), 1, 0), CoverType.ROAD);
    }
    return l;
  }

  /** Splits until parcels are 3–40 ha (300–4000 pixels); blocks over 1000 ha leave firebreaks. */
  private static void split(Rect r, SplittableRandom random, List<Rect> parcels, List<Rect> breaks) {
    long area = (long) r.w * r.h;
    long max = 300 + random.nextInt(3700);
    if (area <= max || r.w < 10 || r.h < 10) {
      parcels.add(r);
      return;
    }
    boolean vertical = r.w >= r.h;
    double at = 0.3 + 0.4 * random.nextDouble();
    int gap = r.depth < 4 && area > 100_000 ? 2 : 0;
    if (vertical) {
      int cut = (int) (r.w * at);
      split(new Rect(r.x, r.y, cut, r.h, r.depth + 1), random, parcels, breaks);
      split(new Rect(r.x + cut, r.y, r.w - cut, r.h, r.depth + 1), random, parcels, breaks);
      if (gap > 0) {
        breaks.add(new Rect(Math.max(r.x, r.x + cut - 1), r.y, gap, r.h, 0));
      }
    } else {
      int cut = (int) (r.h * at);
      split(new Rect(r.x, r.y, r.w, cut, r.depth + 1), random, parcels, breaks);
      split(new Rect(r.x, r.y + cut, r.w, r.h - cut, r.depth + 1), random, parcels, breaks);
      if (gap > 0) {
        breaks.add(new Rect(r.x, Math.max(r.y, r.y + cut - 1), r.w, gap, 0));
      }
    }
  }

  private static void paint(ForestLandscape l, Rect r, CoverType type) {
    for (int y = Math.max(0, r.y); y < Math.min(l.height, r.y + r.h); y++) {
      for (int x = Math.max(0, r.x); x < Math.min(l.width, r.x + r.w); x++) {
        int i = y * l.width + x;
        l.canopyHeight[i] = 0;
        l.canopyCover[i] = 0;
        l.cover[i] = type.code();
        l.understory[i] = type == CoverType.ROAD ? 0 : 0.1f;
        l.roughness[i] = type == CoverType.ROAD ? 0 : 0.3f;
      }
    }
  }
}

# Independent reference for SceneIngest's composites, from the files on disk: reads the STAC items and the
# band COGs with json + rasterio (GDAL), recomputes the Sentinel-2 and Sentinel-1 composites with numpy and
# compares them with the composite COGs Sylva wrote. Sentinel-2: SCL (20 m) brought onto the 10 m grid by
# nearest neighbour (rasterio reproject), classes in MASKED are not valid; DN 0 is nodata; 20 m bands
# resampled bilinearly by GDAL (rasterio reproject); reflectance = (DN + offset) / 10000 with offset -1000
# when s2:processing_baseline >= 04.00; nanmedian / nanmean / valid count. Sentinel-1: linear power, valid
# where VV and VH are finite and > 0, mean and median of power, then 10 log10; VV_VH = VV dB - VH dB.
# Prints one JSON line: per band the largest absolute difference, NaN mismatches and pixels compared.
import glob
import json
import os
import sys
import warnings

import numpy as np
import rasterio
from rasterio.warp import reproject, Resampling

scene, s2_file, s1_file = sys.argv[1], sys.argv[2], sys.argv[3]
MASKED = [int(c) for c in sys.argv[4].split(",")]
warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN pixels give NaN, as they should

with rasterio.open(s2_file) as out:
    H, W, transform, crs = out.height, out.width, out.transform, out.crs


def on_grid(path, resampling, nodata):
    with rasterio.open(path) as src:
        a = src.read(1).astype(np.float64)
        dst = np.full((H, W), np.nan)
        reproject(a, dst, src_transform=src.transform, src_crs=src.crs, dst_transform=transform, dst_crs=crs,
                  resampling=resampling, src_nodata=nodata, dst_nodata=np.nan)
        return dst


def compare(name, expected, file, band_name, tolerance_report):
    with rasterio.open(file) as out:
        index = list(out.descriptions).index(band_name)
        actual = out.read(index + 1).astype(np.float64)
    both = ~np.isnan(expected) & ~np.isnan(actual)
    diff = float(np.max(np.abs(expected[both] - actual[both]))) if both.any() else 0.0
    tolerance_report[name] = {"maxAbsDiff": diff, "nanMismatch": int(np.sum(np.isnan(expected) != np.isnan(actual))),
                              "compared": int(both.sum())}


report = {}
bands = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]
stacks = {b: [] for b in bands}
valid_all = []
for item_file in sorted(glob.glob(os.path.join(scene, "sentinel-2-l2a", "*", "*.json"))):
    item = json.load(open(item_file))
    folder = os.path.dirname(item_file)
    baseline = tuple(int(p) for p in item["properties"]["s2:processing_baseline"].split("."))
    offset = -1000.0 if baseline >= (4, 0) else 0.0
    scl = on_grid(os.path.join(folder, item["assets"]["SCL"]["href"]), Resampling.nearest, 0)
    valid = ~np.isnan(scl) & ~np.isin(scl, MASKED)
    valid_all.append(valid)
    for b in bands:
        dn = on_grid(os.path.join(folder, item["assets"][b]["href"]), Resampling.bilinear, 0)
        stacks[b].append(np.where(valid, (dn + offset) / 10000.0, np.nan))
report["sentinel2Dates"] = len(valid_all)
compare("count", np.sum(valid_all, axis=0).astype(np.float64), s2_file, "count", report)
for b in bands:
    s = np.stack(stacks[b])
    compare(b, np.nanmedian(s, axis=0), s2_file, b, report)
    compare(b + "_mean", np.nanmean(s, axis=0), s2_file, b + "_mean", report)

vv_all, vh_all = [], []
for item_file in sorted(glob.glob(os.path.join(scene, "sentinel-1-rtc", "*", "*.json"))):
    item = json.load(open(item_file))
    folder = os.path.dirname(item_file)
    nodata = item["assets"]["vv"]["raster:bands"][0]["nodata"]
    vv = on_grid(os.path.join(folder, item["assets"]["vv"]["href"]), Resampling.bilinear, nodata)
    vh = on_grid(os.path.join(folder, item["assets"]["vh"]["href"]), Resampling.bilinear, nodata)
    ok = np.isfinite(vv) & np.isfinite(vh) & (vv > 0) & (vh > 0)
    vv_all.append(np.where(ok, vv, np.nan))
    vh_all.append(np.where(ok, vh, np.nan))
report["sentinel1Dates"] = len(vv_all)
vv_all, vh_all = np.stack(vv_all), np.stack(vh_all)
db = lambda p: 10 * np.log10(p)
s1 = {"VV": db(np.nanmean(vv_all, 0)), "VH": db(np.nanmean(vh_all, 0)),
      "VV_median": db(np.nanmedian(vv_all, 0)), "VH_median": db(np.nanmedian(vh_all, 0))}
s1["VV_VH"] = s1["VV"] - s1["VH"]
s1["VV_VH_median"] = s1["VV_median"] - s1["VH_median"]
report["s1"] = {}
for name, expected in s1.items():
    compare(name, expected, s1_file, name, report["s1"])
compare("count", np.sum(~np.isnan(vv_all), axis=0).astype(np.float64), s1_file, "count", report["s1"])
print(json.dumps(report))

# Independent numpy reference for the Sentinel-2 temporal composite: reads the raw scene arrays written
# by the Java test (manifest.json + little-endian float32 files), upsamples 20 m bands bilinearly with
# gdalwarp's rules (pixel centres, edge pixels replicated, a target pixel whose centre lies on a nodata
# source pixel is nodata, otherwise the weights are renormalised over the valid neighbours) and SCL by
# nearest neighbour onto the 10 m grid, applies DN 0 = nodata, the per-scene BOA offset and the SCL mask,
# and writes nanmean, nanmedian and the valid count as float64.
import json
import os
import sys
import warnings

import numpy as np

folder = sys.argv[1]
m = json.load(open(os.path.join(folder, "manifest.json")))
H, W = m["height"], m["width"]
masked = m["masked"]


def load(name, h, w):
    return np.fromfile(os.path.join(folder, name), dtype="<f4").reshape(h, w).astype(np.float64)


def upsample_bilinear(a, k):
    """a: float64 with NaN as nodata."""
    h, w = a.shape
    rows = (np.arange(h * k) + 0.5) / k - 0.5
    cols = (np.arange(w * k) + 0.5) / k - 0.5
    r0 = np.floor(rows).astype(int)
    c0 = np.floor(cols).astype(int)
    fy = (rows - r0)[:, None]
    fx = (cols - c0)[None, :]
    ra, rb = np.clip(r0, 0, h - 1), np.clip(r0 + 1, 0, h - 1)
    ca, cb = np.clip(c0, 0, w - 1), np.clip(c0 + 1, 0, w - 1)
    total = np.zeros((h * k, w * k))
    weight = np.zeros((h * k, w * k))
    for rows_i, wy in ((ra, 1 - fy), (rb, fy)):
        for cols_i, wx in ((ca, 1 - fx), (cb, fx)):
            v = a[np.ix_(rows_i, cols_i)]
            ok = ~np.isnan(v)
            total += np.where(ok, v, 0) * wy * wx
            weight += ok * wy * wx
    out = total / np.where(weight > 0, weight, 1)
    centre = a[np.ix_(np.arange(h * k) // k, np.arange(w * k) // k)]
    out[np.isnan(centre) | (weight < 1e-5)] = np.nan
    return out


stacks = {b: [] for b in m["bands"]}
valid_all = []
for scene in m["scenes"]:
    k = scene["scl_factor"]
    scl = load(scene["scl"], H // k, W // k)
    scl10 = np.repeat(np.repeat(scl, k, axis=0), k, axis=1)
    valid = ~np.isin(scl10, masked)
    valid_all.append(valid)
    for band in m["bands"]:
        f = scene["factors"][band]
        dn = load(scene["files"][band], H // f, W // f)
        dn[dn == 0] = np.nan
        if f > 1:
            dn = upsample_bilinear(dn, f)
        refl = (dn + scene["offset"]) / 10000.0
        stacks[band].append(np.where(valid, refl, np.nan))

count = np.sum(valid_all, axis=0).astype(np.float64)
count.tofile(os.path.join(folder, "ref_count.f64"))
with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN pixels give NaN, as they should
    for band in m["bands"]:
        s = np.stack(stacks[band])
        np.nanmean(s, axis=0).tofile(os.path.join(folder, "ref_%s_mean.f64" % band))
        np.nanmedian(s, axis=0).tofile(os.path.join(folder, "ref_%s_median.f64" % band))
print("ok")

"""Peer for `sylva bench ingest`: the same work with numpy, rasterio (GDAL) and h5py.

Usage:
  ingest_peer.py composite SCENE_DIR OUT.tif MASKED_CLASSES
      Sentinel-2 composite of every item under SCENE_DIR/sentinel-2-l2a: SCL onto the 10 m grid (nearest),
      20 m bands bilinear (GDAL via rasterio.warp.reproject), DN 0 nodata, BOA offset from the item's
      processing baseline, SCL mask; per band nanmedian, nanmean and the valid count, written as one tiled
      Deflate float32 GeoTIFF (21 bands). Prints seconds (read+compute+write) and peak RSS.
  ingest_peer.py make-gedi OUT.h5 SHOTS_PER_BEAM SEED
      Writes a GEDI02_A-layout granule as NASA stores it (chunked, gzip, uint8 flags, uint64 shot numbers,
      float64 rh (N, 101)), eight beams.
  ingest_peer.py read-gedi REPEATS FILE...
      Reads the columns Sylva's GEDI reader reads (shot_number, delta_time, lat/lon_lowestmode,
      elev_lowestmode, rh, quality_flag, degrade_flag, sensitivity, land_cover_data/leaf_off_flag) of every
      beam with h5py, keeping RH95/98/100, and applies the default filters; prints the best time.
The last stdout line is a JSON object.
"""
import glob
import json
import os
import resource
import sys
import time
import warnings

import numpy as np

BEAMS = ["BEAM0000", "BEAM0001", "BEAM0010", "BEAM0011", "BEAM0101", "BEAM0110", "BEAM1000", "BEAM1011"]
BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]


def composite(scene, out, masked):
    import rasterio
    from rasterio.warp import reproject, Resampling
    start = time.perf_counter()
    items = sorted(glob.glob(os.path.join(scene, "sentinel-2-l2a", "*", "*.json")))
    items = [i for i in items if os.path.basename(i) != "collection.json"]
    first = json.load(open(items[0]))
    with rasterio.open(os.path.join(os.path.dirname(items[0]), first["assets"]["B02"]["href"])) as ref:
        H, W, transform, crs = ref.height, ref.width, ref.transform, ref.crs

    def on_grid(path, resampling):
        with rasterio.open(path) as src:
            a = src.read(1).astype(np.float32)
            if src.transform == transform and a.shape == (H, W):
                a[a == 0] = np.nan
                return a
            dst = np.full((H, W), np.nan, dtype=np.float32)
            reproject(a, dst, src_transform=src.transform, src_crs=src.crs, dst_transform=transform, dst_crs=crs,
                      resampling=resampling, src_nodata=0, dst_nodata=np.nan)
            return dst

    valid, offsets, folders = [], [], []
    for item_file in items:
        item = json.load(open(item_file))
        folder = os.path.dirname(item_file)
        baseline = tuple(int(p) for p in item["properties"]["s2:processing_baseline"].split("."))
        offsets.append(-1000.0 if baseline >= (4, 0) else 0.0)
        scl = on_grid(os.path.join(folder, item["assets"]["SCL"]["href"]), Resampling.nearest)
        valid.append(~np.isnan(scl) & ~np.isin(scl, masked))
        folders.append((folder, item))
    valid = np.stack(valid)
    count = valid.sum(axis=0).astype(np.float32)
    medians, means = [], []
    warnings.simplefilter("ignore", RuntimeWarning)
    for band in BANDS:
        stack = np.empty((len(items), H, W), dtype=np.float32)
        for k, (folder, item) in enumerate(folders):
            dn = on_grid(os.path.join(folder, item["assets"][band]["href"]), Resampling.bilinear)
            stack[k] = np.where(valid[k], (dn + offsets[k]) / 10000.0, np.nan)
        medians.append(np.nanmedian(stack, axis=0).astype(np.float32))
        means.append(np.nanmean(stack, axis=0).astype(np.float32))
        del stack
    bands = medians + means + [count]
    profile = dict(driver="GTiff", width=W, height=H, count=len(bands), dtype="float32", crs=crs, transform=transform,
                   nodata=np.nan, tiled=True, blockxsize=512, blockysize=512, compress="deflate", predictor=3)
    with rasterio.open(out, "w", **profile) as dst:
        for i, b in enumerate(bands):
            dst.write(b, i + 1)
        dst.build_overviews([2, 4], Resampling.average)
    seconds = time.perf_counter() - start
    checksum = float(np.nansum(medians[2][::7, ::7]))
    print(json.dumps({"seconds": seconds, "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "dates": len(items), "checksumB04": checksum, "rasterio": rasterio.__version__,
                      "gdal": rasterio.__gdal_version__, "numpy": np.__version__}))


def make_gedi(out, n, seed):
    import h5py
    rng = np.random.default_rng(seed)
    with h5py.File(out, "w") as f:
        for b, name in enumerate(BEAMS):
            g = f.create_group(name)
            chunk = dict(compression="gzip", compression_opts=4, shuffle=True)
            top = 5 + 25 * rng.random(n)  # canopy heights 5-30 m
            rh = top[:, None] * np.linspace(-0.1, 1.03, 101)[None, :] + rng.normal(0, 0.2, (n, 101))
            rh.sort(axis=1)
            g.create_dataset("shot_number", data=(np.arange(n, dtype=np.uint64) + np.uint64(b * 10**11)), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("beam", data=np.full(n, [0, 1, 2, 3, 5, 6, 8, 11][b], dtype=np.uint16), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("delta_time", data=1.6e8 + np.arange(n) * 0.0167, chunks=(min(n, 12800),), **chunk)
            g.create_dataset("lat_lowestmode", data=44.1 + 0.18 * rng.random(n), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("lon_lowestmode", data=-1.06 + 0.25 * rng.random(n), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("elev_lowestmode", data=(60 + rng.normal(0, 5, n)).astype(np.float32), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("rh", data=rh, chunks=(min(n, 1024), 101), **chunk)
            g.create_dataset("quality_flag", data=(rng.random(n) < 0.8).astype(np.uint8), chunks=(min(n, 12800),), **chunk)
            g.create_dataset("degrade_flag", data=(rng.random(n) < 0.05).astype(np.uint8) * 13, chunks=(min(n, 12800),), **chunk)
            g.create_dataset("sensitivity", data=(0.9 + 0.099 * rng.random(n)).astype(np.float32), chunks=(min(n, 12800),), **chunk)
            g.create_group("land_cover_data").create_dataset("leaf_off_flag", data=(rng.random(n) < 0.2).astype(np.uint8),
                                                             chunks=(min(n, 12800),), **chunk)
            g.create_group("ancillary").create_dataset("master_time_epoch", data=np.array([1198800018.0]))
    print(json.dumps({"shots": 8 * n}))


def read_gedi(repeats, files):
    import h5py
    best = None
    kept = shots = 0
    for _ in range(repeats):
        start = time.perf_counter()
        kept = shots = 0
        for path in files:
            with h5py.File(path, "r") as f:
                for name in BEAMS:
                    if name not in f:
                        continue
                    g = f[name]
                    shot = g["shot_number"][()]
                    dt = g["delta_time"][()]
                    lat = g["lat_lowestmode"][()]
                    lon = g["lon_lowestmode"][()]
                    elev = g["elev_lowestmode"][()]
                    rh = g["rh"][()]
                    rh95, rh98, rh100 = rh[:, 95], rh[:, 98], rh[:, 100]
                    q = g["quality_flag"][()]
                    d = g["degrade_flag"][()]
                    s = g["sensitivity"][()]
                    leaf = g["land_cover_data/leaf_off_flag"][()]
                    keep = (q == 1) & (d == 0) & (s >= 0.95) & (leaf == 0) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
                    kept += int(keep.sum())
                    shots += len(shot)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    import h5py as h
    print(json.dumps({"seconds": best, "shots": shots, "kept": kept, "h5py": h.__version__}))


def main():
    mode = sys.argv[1]
    if mode == "composite":
        composite(sys.argv[2], sys.argv[3], [int(c) for c in sys.argv[4].split(",")])
    elif mode == "make-gedi":
        make_gedi(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "read-gedi":
        read_gedi(int(sys.argv[2]), sys.argv[3:])
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()

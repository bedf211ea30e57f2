"""Peer for `sylva bench raster`: rasterio reads the same COG the same way Sylva does.

Usage: raster_peer.py FILE REPEATS WINDOW_SIZE "col,row;col,row;..."
Prints one JSON line: best full-band read time (open + read + close) over REPEATS, and the mean time of
one windowed read (file opened once, windows read in the given order).
"""
import json
import sys
import time

import rasterio
from rasterio.windows import Window


def main():
    path, repeats, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    windows = [tuple(int(v) for v in w.split(",")) for w in sys.argv[4].split(";") if w]
    full = []
    for _ in range(repeats):
        start = time.perf_counter()
        with rasterio.open(path) as src:
            data = src.read(1)
        full.append(time.perf_counter() - start)
    checksum = float(data[::97, ::89].astype("float64").sum())
    start = time.perf_counter()
    with rasterio.open(path) as src:
        for col, row in windows:
            src.read(1, window=Window(col, row, size, size))
    window = (time.perf_counter() - start) / max(1, len(windows))
    print(json.dumps({"fullReadSeconds": min(full), "windowReadSeconds": window, "checksum": checksum,
                      "rasterio": rasterio.__version__, "gdal": rasterio.__gdal_version__}))


if __name__ == "__main__":
    main()

# Writes a GEDI02_A-layout HDF5 fixture with h5py, as NASA's files store it (chunked, gzip, uint8 flags,
# uint64 shot numbers, float64 rh (N, 101), float32 sensitivity/elevation), and prints the expected values
# of the columns Sylva reads as JSON on stdout.
# usage: make_gedi_fixture.py OUT.h5 random|filters [float32]
import json
import sys

import h5py
import numpy as np

out, mode = sys.argv[1], sys.argv[2]
rh_dtype = np.float32 if len(sys.argv) > 3 and sys.argv[3] == "float32" else np.float64
BEAM_NUMBERS = {"BEAM0000": 0, "BEAM0001": 1, "BEAM0010": 2, "BEAM0011": 3,
                "BEAM0101": 5, "BEAM0110": 6, "BEAM1000": 8, "BEAM1011": 11}
# 2021-06-15T10:00:00Z as GEDI delta_time (GPS seconds since 2018-01-01T00:00:00Z; no leap second since):
# 1096 days of 2018-2020 (2020 is a leap year) + 165 days of 2021 + 10 h.
DT_2021_06_15 = (1096 + 165) * 86400.0 + 10 * 3600


def put(group, name, data, attrs=True):
    kwargs = dict(chunks=(min(128, len(data)),) + data.shape[1:], compression="gzip", shuffle=True) if len(data) else {}
    ds = group.create_dataset(name, data=data, **kwargs)
    if attrs:
        ds.attrs["units"] = "m" if name.startswith(("rh", "elev")) else "-"
        ds.attrs["description"] = name
    return ds


def write_beam(f, name, cols, attrs):
    g = f.create_group(name)
    n = len(cols["shot_number"])
    put(g, "shot_number", np.asarray(cols["shot_number"], dtype=np.uint64), attrs)
    put(g, "beam", np.full(n, BEAM_NUMBERS[name], dtype=np.uint16), attrs)
    put(g, "delta_time", np.asarray(cols["delta_time"], dtype=np.float64), attrs)
    put(g, "lat_lowestmode", np.asarray(cols["lat"], dtype=np.float64), attrs)
    put(g, "lon_lowestmode", np.asarray(cols["lon"], dtype=np.float64), attrs)
    put(g, "elev_lowestmode", np.asarray(cols["elev"], dtype=np.float32), attrs)
    put(g, "rh", np.asarray(cols["rh"], dtype=rh_dtype), attrs)
    put(g, "quality_flag", np.asarray(cols["quality"], dtype=np.uint8), attrs)
    put(g, "degrade_flag", np.asarray(cols["degrade"], dtype=np.uint8), attrs)
    put(g, "sensitivity", np.asarray(cols["sensitivity"], dtype=np.float32), attrs)
    lc = g.create_group("land_cover_data")
    put(lc, "leaf_off_flag", np.asarray(cols["leaf_off"], dtype=np.uint8), attrs)
    anc = g.create_group("ancillary")
    anc.create_dataset("master_time_epoch", data=np.array([1198800018.0]))
    stored = g  # read back what was stored, in the stored types
    return {
        "shot_number": [str(int(v)) for v in stored["shot_number"][()]],
        "delta_time": [float(v) for v in stored["delta_time"][()]],
        "lat": [float(v) for v in stored["lat_lowestmode"][()]],
        "lon": [float(v) for v in stored["lon_lowestmode"][()]],
        "elev": [float(v) for v in stored["elev_lowestmode"][()]],
        "quality": [int(v) for v in stored["quality_flag"][()]],
        "degrade": [int(v) for v in stored["degrade_flag"][()]],
        "sensitivity": [float(v) for v in stored["sensitivity"][()]],
        "leaf_off": [int(v) for v in stored["land_cover_data/leaf_off_flag"][()]],
        "rh95": [float(v) for v in stored["rh"][:, 95]],
        "rh98": [float(v) for v in stored["rh"][:, 98]],
        "rh100": [float(v) for v in stored["rh"][:, 100]],
    }


def random_beam(rng, beam_index, n):
    rh = np.sort(rng.uniform(-3, 30, size=(n, 101)), axis=1)
    return {
        "shot_number": 84_000_000_000_000_000 + beam_index * 10_000_000 + np.arange(n, dtype=np.uint64) * 7,
        "delta_time": DT_2021_06_15 + np.arange(n) * 0.0165 + rng.uniform(0, 1e-3, n),
        "lat": 44.2 + rng.uniform(-0.05, 0.05, n),
        "lon": -0.9 + rng.uniform(-0.05, 0.05, n),
        "elev": rng.uniform(40, 120, n),
        "rh": rh,
        "quality": rng.integers(0, 2, n),
        "degrade": rng.choice([0, 0, 0, 3, 8, 13], n),
        "sensitivity": rng.uniform(0.8, 1.0, n),
        "leaf_off": rng.integers(0, 2, n),
    }


def filter_beam(beam_index):
    # Ten shots, each built to fail exactly one filter (in Sylva's filter order) or to pass:
    # 0 good, 1 good, 2 quality 0, 3 quality 0 and degraded, 4 degraded, 5 sensitivity 0.90,
    # 6 sensitivity 0.96 (passes 0.95, fails 0.98), 7 leaf-off, 8 time in 2019 (outside 2021), 9 outside the AOI.
    n = 10
    lat = np.full(n, 44.2)
    lon = np.full(n, -0.9) + np.arange(n) * 1e-4
    lon[9] = -0.5  # ~32 km east: outside a 20 km AOI around -0.9
    dt = np.full(n, DT_2021_06_15) + np.arange(n)
    dt[8] = 400 * 86400.0  # 2019-02-05
    quality = np.array([1, 1, 0, 0, 1, 1, 1, 1, 1, 1])
    degrade = np.array([0, 0, 0, 3, 8, 0, 0, 0, 0, 0])
    sens = np.array([0.99, 0.985, 0.99, 0.99, 0.99, 0.90, 0.96, 0.99, 0.99, 0.99])
    leaf = np.array([0, 0, 0, 0, 0, 0, 0, 1, 0, 0])
    rh = np.tile(np.linspace(-2, 20, 101), (n, 1)) + np.arange(n)[:, None]
    return {"shot_number": 90_000_000_000_000_000 + beam_index * 100 + np.arange(n, dtype=np.uint64),
            "delta_time": dt, "lat": lat, "lon": lon, "elev": np.full(n, 50.0), "rh": rh,
            "quality": quality, "degrade": degrade, "sensitivity": sens, "leaf_off": leaf}


expected = {}
with h5py.File(out, "w") as f:
    meta = f.create_group("METADATA/DatasetIdentification")
    meta.attrs["shortName"] = "GEDI_L2A"
    if mode == "random":
        rng = np.random.default_rng(20240611)
        # A subset: four of the eight beams; only two of them carry dataset attributes.
        for i, (name, n) in enumerate([("BEAM0000", 517), ("BEAM0011", 260), ("BEAM0101", 700), ("BEAM1011", 1)]):
            expected[name] = write_beam(f, name, random_beam(rng, i, n), attrs=i % 2 == 0)
    elif mode == "filters":
        for i, name in enumerate(["BEAM0001", "BEAM0110"]):
            expected[name] = write_beam(f, name, filter_beam(i), attrs=False)
    else:
        raise SystemExit("unknown mode " + mode)
print(json.dumps(expected))

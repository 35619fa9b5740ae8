"""Times pandas.read_csv for `marketlens bench ingest` (the reference side of the ingest benchmark).

Usage: python3 ingest_pandas.py SPEC_JSON
  SPEC_JSON = {"repeat": K, "files": [{"path": PATH, "parse_dates": [COLUMN, ...]}, ...]}

For each file: one untimed warm-up, pandas.read_csv(path, nrows=10000) (it loads pandas' lazy imports
and the decompressor), then K timed runs of pandas.read_csv(path) with the default options (the C
engine, dtypes inferred, date columns left as text: "object"). When parse_dates is not empty, K more
timed runs of pandas.read_csv(path, parse_dates=COLUMNS), so that a reader which does parse dates can
also be compared with pandas doing the same. gc.collect() runs between runs, outside the timing. Each run records wall-clock seconds
(time.perf_counter) and the process's CPU seconds (time.process_time, all threads).

Progress goes to stderr; ONE JSON object is the last line of stdout. If pandas cannot be imported,
that line is {"error": ...} and the exit status is 3.
Sets OMP_WAIT_POLICY=PASSIVE unless the environment already sets it (as the shared peers do).
"""
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import gc  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402


def log(msg):
    print("[pandas] " + msg, file=sys.stderr, flush=True)


def timed_runs(pd, path, repeat, **kwargs):
    runs = []
    cpu = []
    frame = None
    for i in range(repeat):
        frame = None
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        frame = pd.read_csv(path, **kwargs)
        seconds = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        runs.append(seconds)
        log("%s run %d/%d%s: %.3f s" % (os.path.basename(path), i + 1, repeat,
                                         " (parse_dates)" if kwargs else "", seconds))
    return runs, cpu, frame


def describe(frame):
    dtypes = {str(c): str(t) for c, t in frame.dtypes.items()}
    dates = [c for c, t in dtypes.items() if t.startswith("datetime64")]
    return dtypes, dates


def main():
    spec = json.loads(sys.argv[1])
    repeat = int(spec["repeat"])
    base = {
        "python": platform.python_version(),
        "executable": sys.executable,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
    }
    try:
        import numpy as np
        import pandas as pd
    except Exception as e:  # ImportError, or a broken installation
        base["error"] = "cannot import pandas: %s: %s" % (type(e).__name__, e)
        print(json.dumps(base))
        return 3
    base["pandas"] = pd.__version__
    base["numpy"] = np.__version__
    base["repeat"] = repeat
    files = []
    for f in spec["files"]:
        path = f["path"]
        parse_dates = list(f.get("parse_dates") or [])
        gc.collect()
        t0 = time.perf_counter()
        pd.read_csv(path, nrows=10000)
        log("%s warm-up (10,000 rows): %.3f s" % (os.path.basename(path), time.perf_counter() - t0))
        runs, cpu, frame = timed_runs(pd, path, repeat)
        dtypes, dates = describe(frame)
        entry = {
            "path": path,
            "rows": int(len(frame)),
            "columns": int(frame.shape[1]),
            "default": {"runs_s": runs, "cpu_s": cpu, "dtypes": dtypes, "datetime_columns": dates},
            "parse_dates": None,
        }
        frame = None
        if parse_dates:
            runs, cpu, frame = timed_runs(pd, path, repeat, parse_dates=parse_dates)
            dtypes, dates = describe(frame)
            entry["parse_dates"] = {
                "columns": parse_dates,
                "runs_s": runs,
                "cpu_s": cpu,
                "dtypes": dtypes,
                "datetime_columns": dates,
            }
            frame = None
        files.append(entry)
    base["files"] = files
    print(json.dumps(base))
    return 0


if __name__ == "__main__":
    sys.exit(main())

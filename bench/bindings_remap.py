#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Remap of 1M rows through the Python package against the CLI on the same rows, in one run.

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/bindings_remap.py build/orglineage [ROWS]
Prints the median of 3 runs of each and their ratio. The Python figure includes handing the
DataFrame's columns to C++ and building the result DataFrames; the CLI's is the whole process
reading and writing CSV files.
"""
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import orglineage


def main() -> int:
    cli = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    lin = orglineage.load()
    ccgs = lin.snapshot("2014-04-01", "ccg")["id"].tolist()
    rng = np.random.default_rng(2014)
    df = pd.DataFrame({
        "ccg": rng.choice(ccgs, n),
        "month": (pd.to_datetime("2014-04-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"))
        .strftime("%Y-%m-%d"),
        "items": rng.integers(0, 1000, n).astype("float64"),
    })
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/in.csv"
        df.to_csv(path, index=False)
        py, sh = [], []
        for _ in range(3):
            t = time.perf_counter()
            mapped, _ = lin.remap(df, code="ccg", date="month", value="items", to="2023-06-01")
            py.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run([cli, "remap", path, "--code-column", "ccg", "--date-column", "month", "--value-column", "items", "-q",
                            "--to", "2023-06-01", "-o", f"{tmp}/out.csv"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            sh.append(time.perf_counter() - t)
    p, c = statistics.median(py), statistics.median(sh)
    print(f"rows {n}: python remap(df) {p:.3f} s, CLI remap {c:.3f} s, python/CLI {p / c:.2f}x; "
          f"total conserved: {mapped['items'].sum() == df['items'].sum()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""pandas baseline for bench/run.sh: the remap an analyst writes today, given a ready-made lookup
table (org_code, valid_from, valid_until, target, weight) of the codes in use and where each
one's figures go on the target date (made by `orglineage_bench lookup`, so the baseline gets the
chains of mergers right for free): read the CSV, merge on the code, keep the rows whose date is in
the lookup row's validity, multiply by the weight, sum by target and period.

Usage: /usr/bin/python3 bench/pandas_remap.py FIGURES.csv LOOKUP.csv OUT.csv
"""
import sys
import time

import pandas as pd

figures, lookup_path, out_path = sys.argv[1:4]
t0 = time.perf_counter()
df = pd.read_csv(figures, dtype={"org_code": str, "period": str}, keep_default_na=False)
df["row"] = range(len(df))
df["date"] = pd.to_datetime(df["period"], format="%Y-%m-%d", errors="coerce")
for c in ("activity", "spend"):
    df[c] = pd.to_numeric(df[c], errors="coerce")
lk = pd.read_csv(lookup_path, dtype={"org_code": str, "target": str})
lk["valid_from"] = pd.to_datetime(lk["valid_from"])
lk["valid_until"] = pd.to_datetime(lk["valid_until"].str.replace("9999-12-31", "2262-04-11"))
m = df.merge(lk, on="org_code", how="inner")
m = m[(m["date"] >= m["valid_from"]) & (m["date"] < m["valid_until"])]
m = m[m["activity"].notna() & m["spend"].notna()]
for c in ("activity", "spend"):
    m[c] = m[c] * m["weight"]
out = m.groupby(["target", "period"], as_index=False)[["activity", "spend"]].sum()
out.to_csv(out_path, index=False)
mapped = m["row"].nunique()
print(f"pandas rows={len(df)} mapped={mapped} rejected={len(df) - mapped} output_rows={len(out)} "
      f"activity_in={df['activity'].sum():.0f} activity_out={out['activity'].sum():.0f} "
      f"seconds={time.perf_counter() - t0:.2f}")

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""06_remap_ccg_figures.py — map figures of the 2014 CCGs onto the ICBs of 2023, in Python.

Demonstrates: orglineage.load(), snapshot() as a DataFrame, remap() of a DataFrame (the C++
streaming remap), the rejects and the conserved totals, a text bar chart of the result.
Read first: bindings/python/orglineage/__init__.py, docs/crosswalk.md.

The figure mapped is each 2014 CCG counted once ("how many 2014 CCGs' worth of area each ICB
holds"): a table anyone can rebuild from the dataset itself. Put your own column in its place.

Usage: 06_remap_ccg_figures.py [DATASET_DIR]
"""
import sys

import orglineage


def main() -> int:
    lin = orglineage.load(sys.argv[1] if len(sys.argv) > 1 else None)

    # In a notebook: one cell per step.
    ccgs = lin.snapshot("2014-04-01", "ccg")
    figures = ccgs[["id"]].rename(columns={"id": "ccg"}).assign(month="2014-04-01", ccgs=1.0)
    print(f"{len(figures)} CCGs on 2014-04-01 (dataset {lin.data_version})")

    mapped, rejects = lin.remap(figures, code="ccg", date="month", value="ccgs", to="2023-06-01")
    print(f"mapped onto {len(mapped)} ICBs of 2023-06-01; {len(rejects)} rows rejected")
    for _, r in rejects.iterrows():
        print(f"  rejected line {r['line']}: {r['reason']}: {r['message']}")
    print(f"total before {figures['ccgs'].sum():.4f}, after {mapped['ccgs'].sum():.4f}")

    top = mapped.sort_values("ccgs", ascending=False).head(10)
    width = max(len(n) for n in top["name"])
    for _, r in top.iterrows():
        print(f"{r['name']:<{width}}  {r['ccgs']:6.2f}  {'#' * round(r['ccgs'] * 4)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except orglineage.Error as e:
        print(f"06_remap_ccg_figures: {e}", file=sys.stderr)
        sys.exit(3 if isinstance(e, orglineage.DataError) else 1)

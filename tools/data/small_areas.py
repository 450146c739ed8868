#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Converts the ONS small-area lookups into the compact CSV tables of data/nhs-england/small-areas/.

Reads (from ../shared/sources/areas/raw/, see its PROVENANCE.md; nothing of them is copied whole):
  - ONS LSOA (2011) -> CCG -> LAD lookups, July 2015 and April 2016-2021
  - ONS LSOA (2011) -> sub-ICB location -> ICB -> LAD, July 2022
  - ONS LSOA (2021) -> sub-ICB location -> ICB, April 2024
  - ONS LSOA (2011) -> LSOA (2021) -> LAD (2022), and LAD (2022) -> LAD (2023)
  - ONS mid-2017/2019/2020 LSOA population estimates (all ages)
Writes, codes only (names come from the dataset's bodies and areas):
  lsoa11-coverage.csv  lsoa11 + one column per vintage: the ODS code of the CCG / sub-ICB location
  lsoa21-coverage.csv  lsoa21 + the April 2024 sub-ICB location (ODS), and that of April 2026 derived from it
                       (Frimley's D4U1Y divided by district: tools/data/icb_2026.py)
  lsoa11-lad.csv       lsoa11,lad,from: the LAD of each 2011 LSOA, one row per LAD it was in
                       (`from` empty on the first: the LSOA was in it before the first vintage)
  lsoa21-lad.csv       the same for the 2021 LSOAs that are not also 2011 LSOAs
  lsoa11-lsoa21.csv    the ONS correspondence rows that are not `U` (unchanged code)
  lsoa11-population.csv lsoa11,2017,2019,2020
Usage: /usr/bin/python3 tools/data/small_areas.py [RAW_DIR] [OUT_DIR]
"""
import os
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icb_2026  # noqa: E402
import lad_2025  # noqa: E402  the Barnsley and Sheffield recodes of 1 April 2025

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RAW = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(ROOT, "..", "shared", "sources", "areas", "raw"))
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "data", "nhs-england", "small-areas")

# vintage -> (file, LSOA column, body code column (ODS), LAD column, first day)
VINTAGES_11 = [
    ("2015-07", "ons_LSOA11_CCG15_LAD15_EN_LU_jul2015.csv", "LSOA11CD", "CCG15CDH", "LAD15CD", "2015-07-01"),
    ("2016-04", "ons_LSOA11_CCG16_LAD16_EN_LU_apr2016.csv", "LSOA11CD", "CCG16CDH", "LAD16CD", "2016-04-01"),
    ("2017-04", "ons_LSOA11_CCG17_LAD17_EN_LU_apr2017_v4.csv", "LSOA11CD", "CCG17CDH", "LAD17CD", "2017-04-01"),
    ("2018-04", "ons_LSOA11_CCG18_LAD18_EN_LU_apr2018.csv", "LSOA11CD", "CCG18CDH", "LAD18CD", "2018-04-01"),
    ("2019-04", "ons_LSOA11_CCG19_LAD19_EN_LU_apr2019.csv", "LSOA11CD", "CCG19CDH", "LAD19CD", "2019-04-01"),
    ("2020-04", "ons_LSOA11_CCG20_LAD20_EN_LU_apr2020.csv", "LSOA11CD", "CCG20CDH", "LAD20CD", "2020-04-01"),
    ("2021-04", "ons_LSOA11_CCG21_LAD21_EN_LU_apr2021.csv", "LSOA11CD", "CCG21CDH", "LAD21CD", "2021-04-01"),
    ("2022-07", "geographr_lookup_lsoa11_sicbl22_icb22_ltla22.csv", "lsoa11_code", "sicbl22_code_h", "ltla22_code", "2022-07-01"),
]
LAD23_FROM = "2023-04-01"


def read(name):
    return pd.read_csv(os.path.join(RAW, name), dtype=str, encoding="utf-8-sig", keep_default_na=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    wide = None
    lads = {}  # lsoa11 -> [(from, lad)]
    for vintage, fname, lcol, bcol, dcol, first_day in VINTAGES_11:
        df = read(fname)
        df = df[df[lcol].str.startswith("E01")]
        assert df[lcol].is_unique, fname
        assert (df[bcol] != "").all(), fname
        col = df[[lcol, bcol]].rename(columns={lcol: "lsoa11", bcol: vintage})
        wide = col if wide is None else wide.merge(col, on="lsoa11", how="outer")
        for lsoa, lad in zip(df[lcol], df[dcol]):
            hist = lads.setdefault(lsoa, [])
            if not hist or hist[-1][1] != lad:
                hist.append(("" if not hist else first_day, lad))
    assert not wide.isna().any().any(), "an LSOA missing from some vintage"
    wide = wide.sort_values("lsoa11")
    wide.to_csv(os.path.join(OUT, "lsoa11-coverage.csv"), index=False, lineterminator="\n")

    # The 2023 LAD reorganisations (Cumbria, North Yorkshire, Somerset) from the LAD22 -> LAD23 lookup.
    l23 = read("geographr_lookup_ltla22_ltla23.csv")
    l23 = dict(zip(l23.ltla22_code, l23.ltla23_code))
    for lsoa, hist in lads.items():
        new = l23.get(hist[-1][1], hist[-1][1])
        if new != hist[-1][1]:
            hist.append((LAD23_FROM, new))
    # Their LSOAs are in the new code from 1 April 2025 (no LSOA changed district).
    for lsoa, hist in lads.items():
        if hist[-1][1] in lad_2025.RECODE:
            hist.append((lad_2025.DAY, lad_2025.RECODE[hist[-1][1]]))
    with open(os.path.join(OUT, "lsoa11-lad.csv"), "w", encoding="utf-8") as f:
        f.write("lsoa11,lad,from\n")
        for lsoa in sorted(lads):
            for frm, lad in lads[lsoa]:
                f.write(f"{lsoa},{lad},{frm}\n")

    # LSOA 2011 <-> 2021: only the rows whose code changed (U rows keep their code).
    cw = read("geographr_lookup_lsoa11_lsoa21_ltla22.csv")
    cw = cw[cw.lsoa11_code.str.startswith("E01")]
    assert ((cw.change_code != "U") | (cw.lsoa11_code == cw.lsoa21_code)).all()
    ch = cw[cw.change_code != "U"][["lsoa11_code", "lsoa21_code", "change_code"]].drop_duplicates()
    ch = ch.rename(columns={"lsoa11_code": "lsoa11", "lsoa21_code": "lsoa21", "change_code": "change"})
    ch.sort_values(["lsoa11", "lsoa21"]).to_csv(os.path.join(OUT, "lsoa11-lsoa21.csv"), index=False, lineterminator="\n")

    # LSOA 2021 -> sub-ICB location, April 2024.
    v24 = read("geographr_lookup_lsoa21_icb24.csv")
    v24 = v24[v24.lsoa21_code.str.startswith("E01")]
    assert v24.lsoa21_code.is_unique and (v24.sicbl24_code_nhs != "").all()
    v24 = v24[["lsoa21_code", "sicbl24_code_nhs"]].rename(columns={"lsoa21_code": "lsoa21", "sicbl24_code_nhs": "2024-04"})

    # LAD of the 2021 LSOAs that are new codes (the others are in lsoa11-lad.csv).
    known = set(lads)
    new21 = cw[~cw.lsoa21_code.isin(known)][["lsoa21_code", "ltla22_code"]].drop_duplicates()
    assert new21.lsoa21_code.is_unique

    # April 2026, derived from April 2024: every sub-ICB location carries on whole except Frimley's D4U1Y,
    # whose LSOAs go with their district (the inferred rule of icb_2026.py).
    lad21 = {lsoa: hist[-1][1] for lsoa, hist in lads.items()}
    lad21.update(zip(new21.lsoa21_code, new21.ltla22_code))
    v24["2026-04"] = [icb_2026.FRIMLEY_BY_DISTRICT[lad21[l]] if s == icb_2026.FRIMLEY else s
                      for l, s in zip(v24.lsoa21, v24["2024-04"])]
    v24.sort_values("lsoa21").to_csv(os.path.join(OUT, "lsoa21-coverage.csv"), index=False, lineterminator="\n")
    with open(os.path.join(OUT, "lsoa21-lad.csv"), "w", encoding="utf-8") as f:
        f.write("lsoa21,lad,from\n")
        for lsoa, lad in sorted(zip(new21.lsoa21_code, new21.ltla22_code)):
            f.write(f"{lsoa},{lad},\n")
            if l23.get(lad, lad) != lad:
                f.write(f"{lsoa},{l23[lad]},{LAD23_FROM}\n")
            if l23.get(lad, lad) in lad_2025.RECODE:
                f.write(f"{lsoa},{lad_2025.RECODE[l23.get(lad, lad)]},{lad_2025.DAY}\n")
    assert set(v24.lsoa21) <= known | set(new21.lsoa21_code)

    pop = read("demographr_population_lsoa11_total_mid2017_2019_2020.csv")
    pop = pop[pop.lsoa11_code.str.startswith("E01")]
    pop = pop[["lsoa11_code", "pop_mid2017", "pop_mid2019", "pop_mid2020"]]
    pop.columns = ["lsoa11", "2017", "2019", "2020"]
    assert set(pop.lsoa11) == known
    pop.sort_values("lsoa11").to_csv(os.path.join(OUT, "lsoa11-population.csv"), index=False, lineterminator="\n")

    for name in sorted(os.listdir(OUT)):
        if name.endswith(".csv"):
            p = os.path.join(OUT, name)
            print(f"{name}: {sum(1 for _ in open(p)) - 1} rows, {os.path.getsize(p)} bytes")


if __name__ == "__main__":
    main()

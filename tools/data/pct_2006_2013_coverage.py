#!/usr/bin/python3
"""Coverage of the 2006-2013 PCTs in local-authority terms, derived from ONS lookups (used by pct_2006_2013.py).

Method (all inputs read from ../shared/sources at generation time):
1. ONS 'PCT (2011) to CCG' postcode shares (the elahmo/dsfood copy) tell which CCGs each 2011 PCT fed.
2. ONS 'LSOA (2011) to CCG to LAD (July 2015)' gives every LSOA its CCG and its local authority district.
   An LSOA of a CCG fed by one PCT belongs to that PCT. Within a CCG fed by several PCTs, the LSOAs of one
   district go to the PCT (in this order) whose name contains the district's name, or which holds other
   LSOAs of that district through single-PCT CCGs, or whose name contains the district's county name, or
   which lies wholly in that CCG. Birmingham, where the CCGs mix the three PCTs, is solved as in\n   solve_shared_city(): an estimate from the PCTs' postcode shares and the CCGs' populations in the city.
3. ONS mid-2017 LSOA population estimates weigh the LSOAs: the share of a district's population in each PCT.
   Shares of 0.98 or more count as the whole district (slivers from CCG boundaries that did not follow the PCT
   boundary exactly); the rest are written as population shares (rounded; the shares of one district sum to 1).
4. A PCT holding every district of a county whole covers the county. Districts are expressed in the codes of
   the ONS Code History Database that were live between 2006-10-01 and 2013-03-31 (areas/local-authority-areas.yaml).
   The counties abolished on 1 April 2009 are covered for 2006-10-01..2009-03-31 with the shares of the LSOAs of
   their successor unitary authorities.
The 2015 CCG boundaries are a proxy for the 2006-2013 PCT boundaries: this is an approximation, said in each note.
"""
import csv
import json
import os
import re
from collections import defaultdict

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("ORGLINEAGE_SOURCES") or os.path.join(os.path.dirname(ROOT), "shared", "sources")
AREAS = os.path.join(ROOT, "data", "nhs-england", "areas", "local-authority-areas.yaml")

START, END, REORG = "2006-10-01", "2013-03-31", "2009-04-01"
WHOLE = 0.98
MINOR = 0.2
STOP = {"and", "of", "the", "north", "south", "east", "west", "central", "mid", "city", "upon", "on"}

# the counties abolished on 1 April 2009 and the unitary authorities that took over their areas
COUNTY_2009 = {
    "E10000001": ["E06000055", "E06000056"],   # Bedfordshire -> Bedford, Central Bedfordshire
    "E10000004": ["E06000049", "E06000050"],   # Cheshire -> Cheshire East, Cheshire West and Chester
    "E10000005": ["E06000052", "E06000053"],   # Cornwall and Isles of Scilly -> Cornwall, Isles of Scilly
    "E10000010": ["E06000047"],                # Durham -> County Durham
    "E10000022": ["E06000057"],                # Northumberland (LSOAs looked up under its 2013 code)
    "E10000026": ["E06000051"],                # Shropshire
    "E10000033": ["E06000054"],                # Wiltshire
}

SOURCES = {
    "ons-pct11-ccg-postcodes": {
        "title": "ONS Primary Care Trust (2011) to Clinical Commissioning Group: share of each PCT's postcodes in each CCG",
        "url": "https://geoportal.statistics.gov.uk/",
        "publisher": "Office for National Statistics", "licence": "OGL-3.0",
        "note": "Read from the copy in elahmo/dsfood (app/static/csv/ccg2ons.js); its CCGs are the July 2015 set.",
    },
    "ons-lsoa11-ccg15-lad15": {
        "title": "ONS Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District (July 2015) Lookup in England",
        "url": "https://geoportal.statistics.gov.uk/",
        "publisher": "Office for National Statistics", "licence": "OGL-3.0",
        "note": "Read from the copy in jtrim-ons/ons-lookups (csv/212.csv).",
    },
    "ons-sape-lsoa-2017": {
        "title": "ONS Lower layer Super Output Area population estimates, mid-2017",
        "url": "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates",
        "publisher": "Office for National Statistics", "licence": "OGL-3.0",
        "note": "Read from the copy in humaniverse/demographr (population17_lsoa11).",
    },
    "herts-2006-pcts-news": {
        "title": "Borehamwood Times: Hertsmere PCT to go in NHS shake-up (Hertsmere, St Albans and Harpenden, Dacorum and "
                 "Watford and Three Rivers PCTs to form West Hertfordshire PCT; eight Hertfordshire PCTs become two)",
        "url": "https://www.borehamwoodtimes.co.uk/news/765425.hertsmere-pct-to-go-in-nhs-shake-up/",
        "publisher": "Borehamwood Times",
    },
}
COV_SRC = ["ons-pct11-ccg-postcodes", "ons-lsoa11-ccg15-lad15", "ons-sape-lsoa-2017"]


def norm(s):
    s = s.lower().replace("&", "and").replace(",", "")
    s = re.sub(r"\b(teaching|pct|city of|upon tyne|on tees|-on-tees)\b", " ", s)
    return re.sub(r"[^a-z]+", " ", s).strip()


def words_in(a, b):
    return re.search(r"\b" + re.escape(a) + r"\b", b) is not None


def load_areas():
    a = yaml.safe_load(open(AREAS))["areas"]
    return {x["code"]: x for x in a}


def derive():
    d = json.load(open(os.path.join(SHARED, "pre2013/raw/elahmo_dsfood_ccg2ons_pct2011_ons_nhs_ccg.json")))
    pct_name, pct_ccg = {}, defaultdict(dict)
    for p in d:
        pct_name[p["nhscode"]] = p["name"]
        for c in p["CCG"] if isinstance(p["CCG"], list) else [p["CCG"]]:
            pct_ccg[p["nhscode"]][c["onscode"]] = float(c["pcd_percent"])
    ccg_pcts = defaultdict(set)
    for p, cs in pct_ccg.items():
        for c in cs:
            ccg_pcts[c].add(p)
    pop = {}
    with open(os.path.join(SHARED, "areas/raw/demographr_population_lsoa11_total_mid2017_2019_2020.csv")) as f:
        for r in csv.DictReader(f):
            pop[r["lsoa11_code"]] = int(r["pop_mid2017"])
    lsoas = []
    with open(os.path.join(SHARED, "areas/raw/ons_LSOA11_CCG15_LAD15_EN_LU_jul2015.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            lsoas.append((r["LSOA11CD"], r["CCG15CD"], r["LAD15CD"], r["LAD15NM"]))
    areas = load_areas()
    lad_name = {l[2]: l[3] for l in lsoas}
    county_of = {c: areas[c].get("parent") for c in lad_name if c in areas}
    # pass 1: single-PCT CCGs
    owner = {}
    held = defaultdict(set)   # lad -> PCTs holding LSOAs there unambiguously
    for ls, ccg, lad, _ in lsoas:
        if len(ccg_pcts[ccg]) == 1:
            p = next(iter(ccg_pcts[ccg]))
            owner[ls] = p
            held[lad].add(p)
    unresolved = defaultdict(int)
    for ls, ccg, lad, ladnm in lsoas:
        if ls in owner:
            continue
        cands = sorted(ccg_pcts[ccg])
        pick = [p for p in cands if norm(ladnm) and words_in(norm(ladnm), norm(pct_name[p]))] or \
               [p for p in cands if norm(pct_name[p]) and words_in(norm(pct_name[p]), norm(ladnm))]
        if len(pick) != 1:
            pick = [p for p in cands if p in held[lad]]
        if len(pick) != 1:
            cty = county_of.get(lad)
            cn = norm(areas[cty]["name"]) if cty and cty != "E92000001" else None
            pick = [p for p in cands if cn and words_in(cn, norm(pct_name[p]))]
        if len(pick) != 1:
            pick = [p for p in cands if pct_ccg[p][ccg] >= 99.99]
        if len(pick) != 1:
            # one PCT with at least five times the postcode share of every other PCT of that CCG
            ranked = sorted(cands, key=lambda p: -pct_ccg[p][ccg])
            if len(ranked) > 1 and pct_ccg[ranked[0]][ccg] >= 5 * pct_ccg[ranked[1]][ccg]:
                pick = ranked[:1]
        if len(pick) == 1:
            owner[ls] = pick[0]
        else:
            unresolved[(lad, ladnm)] += pop.get(ls, 0)
    share = defaultdict(lambda: defaultdict(int))
    total = defaultdict(int)
    for ls, ccg, lad, _ in lsoas:
        total[lad] += pop.get(ls, 0)
        if ls in owner:
            share[lad][owner[ls]] += pop.get(ls, 0)
    return share, total, unresolved, lad_name, areas, pct_name, (pct_ccg, lsoas, pop, owner)


# A district shared by PCTs that each lie wholly inside it and whose CCGs (2015) mix them, so that no LSOA can be
# given to one PCT: Birmingham, shared by South Birmingham, Heart of Birmingham Teaching and Birmingham East and North.
SHARED_CITY = {"E08000025": ["5M1", "5MX", "5PG"]}


def solve_shared_city(lad, pcts, raw):
    """Estimate each PCT's part of the district's population. For every CCG c with LSOAs in the district that no
    single PCT owns, the district's population in c (ONS LSOA -> CCG lookup, LSOA populations) is the sum over the
    PCTs p of (share of p's postcodes in c) x (p's population), taking a PCT's postcodes to be spread like its
    residents; one equation per CCG, one unknown per PCT, solved exactly (as many CCGs as PCTs)."""
    import numpy as np
    pct_ccg, lsoas, pop, owner = raw
    ccg_pop = defaultdict(int)
    for ls, ccg, l, _ in lsoas:
        if l == lad:   # every LSOA of the district: the first pass may have given some to a PCT of a neighbour
            ccg_pop[ccg] += pop.get(ls, 0)
    ccgs = sorted(ccg_pop)
    for p in pcts:   # each PCT must feed only these CCGs (it lies wholly in the district)
        assert set(pct_ccg[p]) <= set(ccgs), (p, pct_ccg[p], ccgs)
    assert len(ccgs) == len(pcts), (ccgs, pcts)
    a = np.array([[pct_ccg[p].get(c, 0.0) / 100.0 for p in pcts] for c in ccgs])
    n = np.linalg.solve(a, np.array([float(ccg_pop[c]) for c in ccgs]))
    assert (n > 0).all(), n
    tot = float(n.sum())
    r = {p: round(float(v) / tot, 3) for p, v in zip(pcts, n)}
    k = max(r, key=r.get)
    r[k] = round(1 - sum(v for p, v in r.items() if p != k), 3)
    SOLVED[lad] = {"ccg_pop": dict(ccg_pop), "pct_pop": {p: int(round(v)) for p, v in zip(pcts, n)}, "shares": r}
    return r


SOLVED = {}
SOLVED_PCTS = {p for ps in SHARED_CITY.values() for p in ps}


def periods_of(areas, name, kind_prefix, code=None):
    """Codes (with their live periods clipped to START..END) of the areas named `name` (and of `code` itself:
    a district renamed later, e.g. Shepway -> Folkestone and Hythe, keeps its code)."""
    out = []
    for c, a in areas.items():
        if c != code and (norm(a["name"]) != norm(name) or not c.startswith(kind_prefix)):
            continue
        f = str(a.get("from") or "0000-01-01")
        t = str(a.get("to") or "9999-12-31")
        f2, t2 = max(f, START), min(t, END)
        if f2 <= t2:
            out.append((c, f2, t2))
    return out


def build():
    """Return ({ods: [coverage entries]}, notes {ods: text}, sources, report)."""
    share, total, unresolved, lad_name, areas, pct_name, raw = derive()
    shared_city = {}
    for lad, pcts in SHARED_CITY.items():
        shared_city[lad] = solve_shared_city(lad, pcts, raw)
        del unresolved[(lad, lad_name[lad])]
    cov = defaultdict(list)
    report = {"partial": [], "unresolved": sorted(unresolved), "dropped": []}
    # per LAD15: the PCT shares
    lad_alloc = {}
    for lad, tot in total.items():
        s = {p: v / tot for p, v in share[lad].items() if v > 0}
        if lad in [k for k, _ in unresolved]:
            continue
        if lad in shared_city:
            lad_alloc[lad] = shared_city[lad]
            report["partial"].append((lad_name[lad] + " (estimated)", shared_city[lad]))
            continue
        # a minority share under MINOR held by a PCT whose name shares no word with the district's county (or, for a
        # unitary, with the district) is taken as a GP-practice artefact of the CCG boundary and dropped
        a = areas.get(lad) or {}
        ctx = norm(lad_name[lad]) + " " + (norm(areas[a["parent"]]["name"]) if a.get("parent", "E92000001") != "E92000001" else "")
        top = max(s, key=s.get)
        for p in list(s):
            if p != top and s[p] < MINOR and not (set(norm(pct_name[p]).split()) & (set(ctx.split()) - STOP)):
                report["dropped"].append((lad_name[lad], p, round(s[p], 3)))
                del s[p]
        t = sum(s.values())
        s = {p: v / t for p, v in s.items()}
        whole = [p for p, v in s.items() if v >= WHOLE]
        if whole:
            lad_alloc[lad] = {whole[0]: 1.0}
        else:
            big = {p: v for p, v in s.items() if v >= 0.005}
            t = sum(big.values())
            r = {p: round(v / t, 3) for p, v in big.items()}
            k = max(r, key=r.get)
            r[k] = round(1 - sum(v for p, v in r.items() if p != k), 3)
            lad_alloc[lad] = r
            report["partial"].append((lad_name[lad], r))
    # roll whole districts of a county into the county, per PCT
    by_county = defaultdict(list)
    for c, a in areas.items():
        if a["kind"] == "la-district" and c in lad_alloc:
            by_county[a["parent"]].append(c)
    county_whole = {}
    for cty, lads in by_county.items():
        owners = {tuple(sorted(lad_alloc[l].items())) for l in lads}
        if len(owners) == 1:
            (o,) = owners
            if len(o) == 1:
                # every LAD15 of the county in one PCT: check no district of that county is missing from LAD15
                county_whole[cty] = o[0][0]
    # post-2009 (and unchanged-area) entries
    for lad, alloc in lad_alloc.items():
        a = areas.get(lad)
        name = lad_name[lad]
        prefix = lad[:3]
        if a and a["kind"] == "la-district" and county_whole.get(a["parent"]):
            continue
        for code, f, t in periods_of(areas, name, prefix, lad):
            if t < REORG and code not in COUNTY_2009:
                pass
            for p, v in alloc.items():
                e = {"area": code, "from": f, "to": t}
                if v < 1:
                    e["share"] = v
                    e["basis"] = "population"
                cov[p].append(e)
    for cty, p in county_whole.items():
        cov[p].append({"area": cty, "from": START, "to": END})
    # counties abolished in 2009: shares of their successors' LSOAs
    for cty, succ in COUNTY_2009.items():
        agg = defaultdict(float)
        tot = sum(total[s] for s in succ)
        for s in succ:
            for p, v in share[s].items():
                agg[p] += v / tot
        big = {p: v for p, v in agg.items() if v >= 0.005}
        if max(big.values()) >= WHOLE:
            p = max(big, key=big.get)
            cov[p].append({"area": cty, "from": START, "to": "2009-03-31"})
        else:
            t = sum(big.values())
            r = {p: round(v / t, 3) for p, v in big.items()}
            k = max(r, key=r.get)
            r[k] = round(1 - sum(v for p, v in r.items() if p != k), 3)
            report["partial"].append((areas[cty]["name"] + " (county, to 2009-03-31)", r))
            for p, v in r.items():
                cov[p].append({"area": cty, "from": START, "to": "2009-03-31", "share": v, "basis": "population"})
    return cov, report, areas


if __name__ == "__main__":
    cov, report, areas = build()
    for p in sorted(cov):
        print(p, [(e["area"], areas[e["area"]]["name"], e.get("share", 1), e["from"], e["to"]) for e in cov[p]])
    print("PARTIAL", report["partial"])
    print("UNRESOLVED", report["unresolved"])
    print("DROPPED", report["dropped"])

#!/usr/bin/python3
"""Own consistency checks of data/nhs-england (used until the C++ validator exists): unique ids, resolvable
references, real dates, ends explained by events, shares summing to 1. Prints problems; exit 1 if any concern
the files of tools/data/pct_2006_2013.py (pct-era/2006-2013)."""
import datetime
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASE = os.path.join(ROOT, "data", "nhs-england")
MINE = os.path.join("pct-era", "2006-2013")


def d(x):
    return x if isinstance(x, datetime.date) else datetime.date.fromisoformat(str(x))


def main():
    sources, bodies, events, areas = {}, {}, {}, {}
    probs = []
    for dp, _, fs in sorted(os.walk(BASE)):
        for f in sorted(fs):
            if not f.endswith(".yaml"):
                continue
            rel = os.path.relpath(os.path.join(dp, f), BASE)
            y = yaml.safe_load(open(os.path.join(dp, f))) or {}
            for k, v in (y.get("sources") or {}).items():
                if k in sources:
                    probs.append((rel, f"duplicate source {k} (also {sources[k]})"))
                sources[k] = rel
            for a in y.get("areas") or []:
                areas[a["code"]] = (a, rel)
            for b in y.get("bodies") or []:
                if b["id"] in bodies:
                    probs.append((rel, f"duplicate body {b['id']}"))
                bodies[b["id"]] = (b, rel)
            for e in y.get("events") or []:
                if e["id"] in events:
                    probs.append((rel, f"duplicate event {e['id']}"))
                events[e["id"]] = (e, rel)

    def srcs(x):
        s = x.get("source")
        return [] if s is None else ([s] if isinstance(s, str) else s)

    def active(bid, day):
        if bid not in bodies:
            return False
        b = bodies[bid][0]
        return d(b["from"]) <= day and ("to" not in b or b["to"] is None or day <= d(b["to"]))

    ends = {}
    pending = []
    for eid, (e, rel) in events.items():
        for s in srcs(e):
            if s not in sources:
                probs.append((rel, f"{eid}: unknown source {s}"))
        day = d(e["date"])
        prev = day - datetime.timedelta(days=1)
        k = e["kind"]
        if k == "merge":
            for f in e["from"]:
                if not active(f, prev):
                    probs.append((rel, f"{eid}: {f} not active on {prev}"))
                ends[f] = day
            if not active(e["to"], day):
                probs.append((rel, f"{eid}: {e['to']} not active on {day}"))
        elif k == "abolish":
            if not active(e["body"], prev):
                probs.append((rel, f"{eid}: {e['body']} not active on {prev}"))
            ends[e["body"]] = day
        elif k == "split":
            ends[e["from"]] = day
        elif k in ("rename", "recode", "join", "leave", "establish"):
            if not active(e["body"], day):
                probs.append((rel, f"{eid}: {e['body']} not active on {day}"))
        elif k == "transfer-function":
            for f in e["from"] if isinstance(e["from"], list) else [e["from"]]:
                if not active(f, prev) or not active(f, day):
                    probs.append((rel, f"{eid}: {f} not active across {day}"))
            if not active(e["to"], day):
                probs.append((rel, f"{eid}: {e['to']} not active on {day}"))
    for bid, (b, rel) in bodies.items():
        for s in srcs(b):
            if s not in sources:
                probs.append((rel, f"{bid}: unknown source {s}"))
        if b.get("to"):
            exp = d(b["to"]) + datetime.timedelta(days=1)
            if ends.get(bid) is None and str(b["to"]) == "2013-03-31" and b["kind"] in ("pct", "care-trust"):
                pending.append(bid)   # helper B1 writes the 2013-04-01 abolitions of the PCTs
            elif ends.get(bid) != exp:
                probs.append((rel, f"{bid}: to {b['to']} not explained by an event on {exp} (got {ends.get(bid)})"))
        elif bid in ends:
            probs.append((rel, f"{bid}: open body ended by an event"))
        for m in b.get("member-of") or []:
            if m["group"] not in bodies:
                probs.append((rel, f"{bid}: unknown group {m['group']}"))
            for s in srcs(m):
                if s not in sources:
                    probs.append((rel, f"{bid}: unknown source {s}"))
        tot = {}
        for c in b.get("coverage") or []:
            if c["area"] not in areas:
                probs.append((rel, f"{bid}: unknown area {c['area']}"))
            if c.get("share", 1) < 1 and "basis" not in c:
                probs.append((rel, f"{bid}: share < 1 without basis"))
    # claims made in my files: check coverage sums on every boundary date
    kinds_cov = {"pct", "care-trust", "ha", "ccg", "icb"}
    cov = []
    for bid, (b, rel) in bodies.items():
        if b["kind"] not in kinds_cov:
            continue
        for c in b.get("coverage") or []:
            f = d(c.get("from") or b["from"])
            t = d(c.get("to") or b.get("to") or "9999-12-31")
            cov.append((c["area"], max(f, d(b["from"])), min(t, d(b.get("to") or "9999-12-31")), c.get("share", 1), bid))
    by_area = {}
    for c in cov:
        by_area.setdefault(c[0], []).append(c)
    for rel0 in [r for _, (x, r) in bodies.items()][:0]:
        pass
    for fpath in sorted({rel for _, (b, rel) in bodies.items() if rel.startswith(MINE)}):
        y = yaml.safe_load(open(os.path.join(BASE, fpath)))
        for cl in y.get("claims") or []:
            f0, t0 = d(cl["from"]), d(cl["to"])
            bad = 0
            for code, (a, arel) in areas.items():
                if a["kind"] not in cl["area-kinds"]:
                    continue
                af = d(a.get("from") or "0001-01-01")
                at = d(a.get("to") or "9999-12-31")
                lo, hi = max(af, f0), min(at, t0)
                if lo > hi:
                    continue
                chain = [code]
                while areas.get(chain[-1], ({},))[0].get("parent"):
                    chain.append(areas[chain[-1]][0]["parent"])
                days = {lo, hi}
                for c in chain:
                    for (_, f, t, sh, bid) in by_area.get(c, []):
                        for x in (f, t + datetime.timedelta(days=1) if t.year < 9999 else t):
                            if lo <= x <= hi:
                                days.add(x)
                for day in sorted(days):
                    tot = 0
                    for c in chain:
                        hs = [sh for (_, f, t, sh, bid) in by_area.get(c, []) if f <= day <= t]
                        if hs:
                            tot = sum(hs)
                            break
                    if abs(tot - 1) > 1e-6:
                        bad += 1
                        if bad <= 15:
                            probs.append((fpath, f"claim {cl['function']}: {code} {a['name']} covered {tot:.3f} on {day}"))
            print(f"claim {cl['function']} {cl['area-kinds']} {f0}..{t0}: {bad} failing area-days")
    mine = [p for p in probs if p[0].startswith(MINE)]
    for rel, p in probs:
        print(("MINE  " if rel.startswith(MINE) else "other ") + rel + ": " + p)
    print(f"{len(pending)} PCTs/care trusts of 2013-03-31 still without their 2013-04-01 abolition event (B1's part)")
    print(f"{len(bodies)} bodies, {len(events)} events, {len(sources)} sources, {len(areas)} areas; "
          f"{len(mine)} problems in {MINE}, {len(probs) - len(mine)} elsewhere")
    sys.exit(1 if mine else 0)


if __name__ == "__main__":
    main()

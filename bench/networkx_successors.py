#!/usr/bin/python3
"""networkx baseline for bench/succession.sh: Lineage::successors as docs/succession.md states it
(default since, the holding on since, the most specific links of each event, unknown shares as
variables that cancel where paths meet, one body and nothing ended: share 1), over a networkx
MultiDiGraph of the links exported by orglineage_bench_succession. Prints the same checksum.

Usage: /usr/bin/python3 bench/networkx_successors.py PREFIX
"""
import csv
import datetime as dt
import sys
import time

import peer_graph as pg

prefix = sys.argv[1]
D = pg.D
DAY = dt.timedelta(days=1)
period = pg.read_periods(prefix)
holds = pg.read_holds(prefix, period)
G = pg.link_graph(prefix, period)


def holding(v, d):
    return pg.holding(holds, v, d)


def step(v, after, on):
    """The earliest day after `after` (not after `on`) with links out of v: (date, [(to, share)])."""
    nxt, by_event = pg.next_links(G, v, after, on)
    links = []
    for ls in by_event.values():
        best = max(d["spec"] for _, d in ls)
        links += [(t, d["share"]) for t, d in ls if d["spec"] == best]
    return nxt, links


def mul(p, q):
    out = {}
    for a, x in p.items():
        for b, y in q.items():
            out[a | b] = out.get(a | b, 0.0) + x * y
    return out


def add(acc, p):
    for k, x in p.items():
        acc[k] = acc.get(k, 0.0) + x


def successors(body, on):
    first = [d["date"] for _, _, d in G.out_edges(body, data=True) if d["date"] > period[body][0]]
    since = min([on, period[body][1] - DAY] + ([min(first) - DAY] if first else []))
    since = max(since, period[body][0])
    if on < since or not holding(body, since):
        return {}
    result, lost, lost_any = {}, {}, False
    stack = [(body, {frozenset(): 1.0}, since)]
    while stack:
        v, w, after = stack.pop()
        nxt, links = step(v, after, on)
        if nxt is None:
            if holding(v, on):
                add(result.setdefault(v, {}), w)
            else:
                lost_any = True
                add(lost, w)
            continue
        continues = holding(v, nxt)
        known = sum(s for _, s in links if s is not None)
        unknown = [i for i, (_, s) in enumerate(links) if s is None]
        rest = {frozenset(): 1.0 - known}
        for i, (t, s) in enumerate(links):
            if s is not None:
                share = {frozenset(): s}
            elif not continues and i == unknown[-1]:
                share = dict(rest)
            else:
                x = frozenset([(v, nxt, i)])
                share = {x: 1.0}
                rest[x] = rest.get(x, 0.0) - 1.0
            stack.append((t, mul(w, share), nxt))
        if continues:
            if unknown or rest[frozenset()] > 1e-9:
                stack.append((v, mul(w, rest), nxt))
        elif not unknown and 1.0 - known > 1e-6:
            lost_any = True
            add(lost, mul(w, rest))
    out = {}
    for v, p in result.items():
        c = p.get(frozenset(), 0.0)
        out[v] = c if all(abs(x) <= 1e-12 for k, x in p.items() if k) else None
    if not lost_any and len(out) == 1:
        out = {k: 1.0 for k in out}
    return out


qs = [(r["body"], D(r["date"])) for r in csv.DictReader(open(prefix + ".queries.csv"))]
ns, portions, unknown, total = [], 0, 0, 0.0
clock = time.perf_counter_ns
for body, on in qs:
    a = clock()
    r = successors(body, on)
    b = clock()
    ns.append(b - a)
    portions += len(r)
    for s in r.values():
        if s is None:
            unknown += 1
        else:
            total += s
ns.sort()
print(f"networkx successors queries={len(qs)} median_ns={ns[len(ns) // 2]} p99_ns={ns[len(ns) * 99 // 100]} "
      f"portions={portions} unknown={unknown} share_sum={total:.4f}")

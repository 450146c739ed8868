#!/usr/bin/python3
"""networkx baseline for bench/run.sh: the same resolve and successors queries as orglineage_bench,
on the same graph (exported by `orglineage_bench queries DATA N PREFIX`), the way a Python analyst
would write them: a dict of code uses, and a walk over a networkx MultiDiGraph of succession links.

Usage: /usr/bin/python3 bench/networkx_queries.py PREFIX [N]
"""
import csv
import datetime as dt
import statistics
import sys
import time

import networkx as nx

prefix = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
D = dt.date.fromisoformat

t0 = time.perf_counter()
codes, period = {}, {}
with open(prefix + ".codes.csv") as f:
    for r in csv.DictReader(f):
        use = (D(r["from"]), D(r["until"]), r["body"])
        codes.setdefault(r["code"], []).append(use)
        if r["code"] == r["body"]:
            period[r["body"]] = use[:2]
holds = {}
with open(prefix + ".holds.csv") as f:
    for r in csv.DictReader(f):
        holds.setdefault(r["body"], []).append((D(r["from"]), D(r["until"])))
G = nx.MultiDiGraph()
G.add_nodes_from(period)
with open(prefix + ".edges.csv") as f:
    for r in csv.DictReader(f):
        G.add_edge(r["from"], r["to"], event=int(r["event"]), date=D(r["date"]),
                   share=float(r["share"]) if r["share"] else None, spec=int(r["specificity"]))
print(f"networkx graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, built in "
      f"{(time.perf_counter() - t0) * 1000:.0f} ms", file=sys.stderr)


def resolve(code, on):
    return [b for f, u, b in codes.get(code, ()) if f <= on < u]


def holding(body, on):
    return any(f <= on < u for f, u in holds.get(body, ()))


def mul(a, b):
    return None if a is None or b is None else a * b


def successors(body, on):
    """What orglineage's Lineage::successors does: at each body, the earliest later event that
    carries the function (its most specific links), shares multiplied along the paths."""
    result = {}
    stack = [(body, 1.0, period[body][0] - dt.timedelta(days=1))]
    while stack:
        v, w, after = stack.pop()
        nxt, by_event = None, {}
        for _, t, d in G.out_edges(v, data=True):
            if after < d["date"] <= on:
                if nxt is None or d["date"] < nxt:
                    nxt, by_event = d["date"], {}
                if d["date"] == nxt:
                    by_event.setdefault(d["event"], []).append((t, d))
        if nxt is None:
            f, u = period[v]
            if f <= on < u and holding(v, on):
                result[v] = None if w is None or result.get(v, 0) is None else result.get(v, 0) + w
            continue
        moved = 0.0
        for links in by_event.values():
            best = max(d["spec"] for _, d in links)
            for t, d in links:
                if d["spec"] == best:
                    moved = None if moved is None or d["share"] is None else moved + d["share"]
                    stack.append((t, mul(w, d["share"]), nxt))
        f, u = period[v]
        if f <= nxt < u and holding(v, nxt):
            rest = None if moved is None else 1.0 - moved
            if rest is None or rest > 1e-9:
                stack.append((v, mul(w, rest), nxt))
    return result


queries = {"resolve": [], "successors": []}
with open(prefix + ".queries.csv") as f:
    for r in csv.DictReader(f):
        queries[r["kind"]].append((r["arg"], D(r["date"])))
for kind, fn in (("resolve", resolve), ("successors", successors)):
    qs = queries[kind][:limit] if limit else queries[kind]
    ns, results = [], 0
    clock = time.perf_counter_ns
    for arg, on in qs:
        a = clock()
        r = fn(arg, on)
        b = clock()
        ns.append(b - a)
        results += len(r)
    ns.sort()
    print(f"networkx {kind:<11} queries={len(qs)} median_ns={ns[len(ns) // 2]} p99_ns={ns[len(ns) * 99 // 100]} "
          f"mean_ns={statistics.fmean(ns):.0f} results={results}")

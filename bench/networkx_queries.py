#!/usr/bin/python3
"""networkx baseline for bench/run.sh: the same resolve and successors queries as orglineage_bench,
on the same graph (exported by `orglineage_bench queries DATA N PREFIX`), the way a Python analyst
would write them: a dict of code uses, and a walk over a networkx MultiDiGraph of succession links.

Usage: /usr/bin/python3 bench/networkx_queries.py PREFIX [N]
"""
import csv
import statistics
import sys
import time

import peer_graph as pg

prefix = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
D = pg.D

t0 = time.perf_counter()
codes, period = pg.read_codes(prefix)
holds = pg.read_holds(prefix)
G = pg.link_graph(prefix, period)
print(f"networkx graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, built in "
      f"{(time.perf_counter() - t0) * 1000:.0f} ms", file=sys.stderr)


def resolve(code, on):
    return [b for f, u, b in codes.get(code, ()) if f <= on < u]


def successors(body, on):
    return pg.successors(G, period, holds, body, on)


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

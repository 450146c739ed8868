#!/usr/bin/python3
"""Python peers of the orglineage CLI for bench/image.sh, reading tables exported by the library
(orglineage_bench_image export, orglineage_bench queries), the way an analyst would answer the same
question in Python: a dict and bisect over an interval table, a networkx graph for succession.

  py_peers.py who PREFIX AREA DATE         whole process: load PREFIX.holders.csv, answer one query
  py_peers.py who-nx PREFIX AREA DATE      the same from a networkx graph of the table
  py_peers.py lsoa PREFIX LSOA DATE        whole process: load PREFIX.lsoa.csv, answer one query
  py_peers.py successors PREFIX BODY DATE  whole process: networkx graph from PREFIX.{codes,edges,holds}.csv
  py_peers.py holders PREFIX               time the queries of PREFIX.hq.csv (dict + bisect), in process
"""
import bisect
import csv
import datetime as dt
import sys
import time

D = dt.date.fromisoformat


def interval_table(path, key):
    """key -> (sorted starts, rows (from, until, value))"""
    table = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            table.setdefault(r[key], []).append((r["from"], r["until"], r))
    out = {}
    for k, rows in table.items():
        rows.sort(key=lambda x: x[0])
        out[k] = ([x[0] for x in rows], rows)
    return out


def lookup(table, key, on):
    """Rows of `key` whose [from, until) holds `on` (ISO dates compare as text)."""
    starts, rows = table.get(key, ((), ()))
    i = bisect.bisect_right(starts, on)
    return [r for f, u, r in rows[:i] if u > on]


def who(prefix, area, on):
    t = interval_table(prefix + ".holders.csv", "area")
    for r in lookup(t, area, on):
        for h in r["holders"].split(" "):
            body, share = h.split(";")
            print(body, share)


def who_nx(prefix, area, on):
    """The same answer from a networkx graph: area -> body edges carrying their periods."""
    import networkx as nx
    G = nx.MultiDiGraph()
    with open(prefix + ".holders.csv") as f:
        for r in csv.DictReader(f):
            for h in r["holders"].split(" "):
                body, share = h.split(";")
                G.add_edge(r["area"], body, start=r["from"], until=r["until"], share=share)
    if area in G:
        for _, body, d in G.out_edges(area, data=True):
            if d["start"] <= on < d["until"]:
                print(body, d["share"])


def lsoa(prefix, code, on):
    t = interval_table(prefix + ".lsoa.csv", "lsoa")
    for r in lookup(t, code, on):
        print(r["body"])


def successors(prefix, body, on):
    import peer_graph as pg
    on = D(on)
    codes, period = pg.read_codes(prefix)
    holds = pg.read_holds(prefix)
    G = pg.link_graph(prefix, period)
    if body not in period:
        body = next(b for fr, u, b in codes.get(body, ()) if fr <= on < u)
    for b, s in sorted(pg.successors(G, period, holds, body, on).items()):
        print(b, s)


def holders(prefix):
    t = interval_table(prefix + ".holders.csv", "area")
    with open(prefix + ".hq.csv") as f:
        qs = [(r["area"], r["date"]) for r in csv.DictReader(f)]
    # Five rounds, as the C++ side runs them: the best and the median mean.
    means = []
    for _ in range(5):
        results = 0
        a = time.perf_counter_ns()
        for area, on in qs:
            for r in lookup(t, area, on):
                results += len(r["holders"].split(" "))
        b = time.perf_counter_ns()
        means.append((b - a) / len(qs))
    means.sort()
    print(f"python holders queries={len(qs)} rounds=5 mean_ns={means[0]:.0f} median_mean_ns={means[2]:.0f} results={results}")


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "holders":
        holders(sys.argv[2])
    else:
        {"who": who, "who-nx": who_nx, "lsoa": lsoa, "successors": successors}[kind](*sys.argv[2:5])

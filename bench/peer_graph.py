"""The succession graph the Python peers query, read from the tables the library exported
(orglineage_bench queries, orglineage_bench_succession): code uses, body periods, holding periods
and a networkx MultiDiGraph of the links. One loader for bench/py_peers.py,
bench/networkx_queries.py and bench/networkx_successors.py, so that they answer over the same graph.
"""
import csv
import datetime as dt

D = dt.date.fromisoformat


def read_codes(prefix):
    """PREFIX.codes.csv -> (code -> [(from, until, body)], body -> (from, until))."""
    codes, period = {}, {}
    with open(prefix + ".codes.csv") as f:
        for r in csv.DictReader(f):
            use = (D(r["from"]), D(r["until"]), r["body"])
            codes.setdefault(r["code"], []).append(use)
            if r["code"] == r["body"]:
                period[r["body"]] = use[:2]
    return codes, period


def read_periods(prefix):
    """PREFIX.periods.csv -> body -> (from, until)."""
    with open(prefix + ".periods.csv") as f:
        return {r["body"]: (D(r["from"]), D(r["until"])) for r in csv.DictReader(f)}


def read_holds(prefix, period=None):
    """PREFIX.holds.csv -> body -> [(from, until)]; clipped to the body's period when given."""
    holds = {}
    with open(prefix + ".holds.csv") as f:
        for r in csv.DictReader(f):
            fr, u = D(r["from"]), D(r["until"])
            if period is not None:
                bf, bu = period[r["body"]]
                fr, u = max(fr, bf), min(u, bu)
            holds.setdefault(r["body"], []).append((fr, u))
    return holds


def link_graph(prefix, nodes):
    """PREFIX.edges.csv as a networkx MultiDiGraph over `nodes`: event, date, share, specificity."""
    import networkx as nx
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    with open(prefix + ".edges.csv") as f:
        for r in csv.DictReader(f):
            G.add_edge(r["from"], r["to"], event=int(r["event"]), date=D(r["date"]),
                       share=float(r["share"]) if r["share"] else None, spec=int(r["specificity"]))
    return G


def holding(holds, body, on):
    return any(f <= on < u for f, u in holds.get(body, ()))


def mul(a, b):
    return None if a is None or b is None else a * b


def next_links(G, v, after, on):
    """The earliest day after `after` (not after `on`) with links out of v, and those links
    grouped by event: (date, {event: [(to, data)]}), or (None, {})."""
    nxt, by_event = None, {}
    for _, t, d in G.out_edges(v, data=True):
        if after < d["date"] <= on:
            if nxt is None or d["date"] < nxt:
                nxt, by_event = d["date"], {}
            if d["date"] == nxt:
                by_event.setdefault(d["event"], []).append((t, d))
    return nxt, by_event


def successors(G, period, holds, body, on):
    """What Lineage::successors does with the default `since` of the body's start: at each body,
    the earliest later event that carries the function (its most specific links), shares
    multiplied along the paths."""
    result = {}
    stack = [(body, 1.0, period[body][0] - dt.timedelta(days=1))]
    while stack:
        v, w, after = stack.pop()
        nxt, by_event = next_links(G, v, after, on)
        if nxt is None:
            f, u = period[v]
            if f <= on < u and holding(holds, v, on):
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
        if f <= nxt < u and holding(holds, v, nxt):
            rest = None if moved is None else 1.0 - moved
            if rest is None or rest > 1e-9:
                stack.append((v, mul(w, rest), nxt))
    return result

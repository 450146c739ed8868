#!/usr/bin/python3
"""The Python peer of `orglineage serve` for bench/serve.sh: FastAPI on uvicorn, answering
`GET /who?area=AREA&on=DATE` from a networkx graph of the holders table the library exported
(orglineage_bench_image export PREFIX: PREFIX.holders.csv), as bench/py_peers.py who-nx does.

  serve_peer.py PREFIX PORT
"""
import csv
import sys

import networkx as nx
import uvicorn
from fastapi import FastAPI, HTTPException


def holders_graph(prefix):
    """area -> body edges, each carrying the period [start, until) and the share."""
    G = nx.MultiDiGraph()
    with open(prefix + ".holders.csv") as f:
        for r in csv.DictReader(f):
            for h in r["holders"].split(" "):
                body, share = h.split(";")
                G.add_edge(r["area"], body, start=r["from"], until=r["until"],
                           share=None if share in ("", "unknown") else float(share))
    return G


G = holders_graph(sys.argv[1])
app = FastAPI()


@app.get("/who")
def who(area: str, on: str, function: str = "commissioning"):
    if area not in G:
        raise HTTPException(status_code=404, detail="no area has the code '%s'" % area)
    rows = [{"id": body, "share": d["share"]} for _, body, d in G.out_edges(area, data=True)
            if d["start"] <= on < d["until"]]
    return {"query": {"command": "who", "area": area, "on": on, "function": function}, "results": rows}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)

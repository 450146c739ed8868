#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The parity suite's Python door: each question of QUESTIONS asked through the orglineage package's
own functions (lin.who, lin.successors, ...: the question's arguments are their keyword arguments),
printed as the raw answers parity.py compares (README.md): {"id", "exit", "error", "answer"}.

  door_python.py DATA QUESTIONS > python.jsonl     (PYTHONPATH: the built package)
"""
import json
import math
import sys

import orglineage

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from parity import read_questions  # noqa: E402


def plain(value):
    """A cell as JSON: NaN and NaT as null, timestamps as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "strftime"):
        return None if value != value else value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):
        return value.item()
    return value


def answer_of(df):
    """The answer as the JSON the CLI prints: the query block, and each row with its notes' kinds."""
    notes = df.attrs["notes"]
    results = []
    for i, row in enumerate(df.to_dict("records")):
        r = {k: plain(v) for k, v in row.items() if k != "notes"}
        r["notes"] = [{"kind": k} for k in notes.loc[notes["row"] == i, "kind"]]
        results.append(r)
    return {"query": df.attrs["query"], "results": results}


def main(data, questions):
    lin = orglineage.load(data)
    for q in read_questions(questions):
        args = {k: v for k, v in q.items() if k not in ("id", "query", "expect")}
        for flag in ("legal", "population"):
            if flag in args:
                args[flag] = args[flag] == "true"
        raw = {"id": q["id"], "exit": 0, "error": None, "answer": None}
        try:
            df = getattr(lin, q["query"])(**args)
            raw["exit"] = df.attrs["exit"]
            raw["answer"] = answer_of(df)
        except orglineage.Error as e:
            raw["exit"] = e.exit_code
            raw["error"] = str(e)
        print(json.dumps(raw, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: door_python.py DATA QUESTIONS")
    sys.exit(main(sys.argv[1], sys.argv[2]))

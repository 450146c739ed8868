#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The parity suite's Python door: each question asked through the orglineage package's own
functions (lin.who, lin.successors, ..., lin.remap: the question's arguments are their keyword
arguments), printed as the raw answers parity.py compares (README.md): {"id", "exit", "error", "answer"}.

  door_python.py DATA QUESTIONS... > python.jsonl     (PYTHONPATH: the built package)

A remap question's CSV is read as text (every cell as the file has it, so that 'n/a' reaches the
library as 'n/a', as it reaches the CLI) and given to lin.remap as a DataFrame.
"""
import json
import math
import os
import sys

import pandas as pd

import orglineage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity import arguments, read_questions  # noqa: E402

FLAGS = {"legal", "population", "connected", "bodies_only", "areas_only", "all_dates", "aggregate", "nearest",
         "estimates", "populations"}
# The package's parameter names where they differ from the question's argument names.
RENAMED = {"from": "frm"}
# The exit code of each exception class (a problem of the answers layer carries its own).
EXITS = [(orglineage.QuestionError, 2), (orglineage.DataError, 3), (orglineage.LookupError, 1), (orglineage.Error, 1)]


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


def records(df):
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def answer_of(df):
    """The answer as the JSON the CLI prints: the query block, and each row with its notes' kinds."""
    notes = df.attrs["notes"]
    results = []
    for i, row in enumerate(records(df)):
        row.pop("notes")
        row["notes"] = [{"kind": k} for k in notes.loc[notes["row"] == i, "kind"]]
        results.append(row)
    return {"query": df.attrs["query"], "results": results}


def remap(lin, a):
    df = pd.read_csv(a.pop("input"), dtype=str, keep_default_na=False)
    a["code"], a["date"], a["value"] = a.pop("code_column"), a.pop("date_column"), a.pop("value_columns").split(",")
    mapped, rejects = lin.remap(df, **a)
    return {"results": records(mapped),
            "rejects": [{"line": int(r["line"]), "reason": r["reason"]} for r in records(rejects)]}


def ask(lin, q):
    a = {RENAMED.get(k, k): (v == "true" if k in FLAGS else v) for k, v in arguments(q).items()}
    if q["query"] == "remap":
        return 0, remap(lin, a)
    df = getattr(lin, q["query"])(**a)
    if isinstance(df, tuple):  # lineage: (bodies, links)
        df = df[0]
    return df.attrs["exit"], answer_of(df)


def main(data, questions):
    lin = orglineage.load(data)
    for q in read_questions(questions):
        raw = {"id": q["id"], "exit": 0, "error": None, "answer": None}
        try:
            raw["exit"], raw["answer"] = ask(lin, q)
        except orglineage.Error as e:
            raw["exit"] = getattr(e, "exit_code", None) or next(code for cls, code in EXITS if isinstance(e, cls))
            raw["error"] = str(e)
        print(json.dumps(raw, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: door_python.py DATA QUESTIONS...")
    import warnings
    warnings.simplefilter("ignore", orglineage.AnswerWarning)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
